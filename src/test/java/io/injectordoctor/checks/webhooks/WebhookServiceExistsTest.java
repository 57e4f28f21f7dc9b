package io.injectordoctor.checks.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import io.injectordoctor.checks.CheckTester;
import io.injectordoctor.report.Finding;
import io.injectordoctor.checks.Fixtures;
import io.injectordoctor.report.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookServiceExistsTest {
    @Test
    void firesOnAMissingServiceAndOnAMissingPort() {
        List<Finding> f = CheckTester.run(new WebhookServiceExists(), Fixtures.healthyWith("ID0204/fires.yaml"));

        assertThat(f).extracting(Finding::severity).containsOnly(Severity.ERROR);
        assertThat(f).extracting(Finding::message).containsExactly(
                "1 injection hook(s) call service istio-system/istio-sidecar-injector, which does not exist",
                "service istio-system/istiod has no port 8443, which 1 injection hook(s) call");
        assertThat(f.get(0).subject()).isEqualTo("Service istio-system/istio-sidecar-injector");
        assertThat(f.get(1).evidence()).containsEntry("servicePorts", List.of(15010, 443));
    }

    @Test
    void staysQuietWhenTheServiceAndPortExistAndOnlyNotesUrlHooks() {
        assertThat(CheckTester.run(new WebhookServiceExists(), Fixtures.snapshot(Fixtures.HEALTHY))).isEmpty();
        assertThat(CheckTester.run(new WebhookServiceExists(), Fixtures.healthyWith("ID0204/url.yaml")))
                .singleElement().satisfies(x -> {
                    assertThat(x.severity()).isEqualTo(Severity.INFO);
                    assertThat(x.message()).startsWith("calls the URL https://istiod.example.com:15017/inject");
                });
    }
}
