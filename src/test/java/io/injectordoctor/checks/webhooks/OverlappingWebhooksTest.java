package io.injectordoctor.checks.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import io.injectordoctor.checks.CheckTester;
import io.injectordoctor.checks.Finding;
import io.injectordoctor.checks.Fixtures;
import io.injectordoctor.checks.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

class OverlappingWebhooksTest {
    @Test
    void firesForAnOptedInNamespaceAndForALabelledPodSelectedTwice() {
        List<Finding> f = CheckTester.run(new OverlappingWebhooks(), Fixtures.healthyWith("ID0205/fires.yaml"));

        assertThat(f).extracting(Finding::severity).containsOnly(Severity.ERROR);
        assertThat(f).extracting(Finding::subject).containsExactly("Namespace default", "Namespace shop");
        assertThat(f.get(0).evidence().get("hooks")).isEqualTo(List.of(
                "istio-sidecar-injector/namespace.sidecar-injector.istio.io",
                "istio-sidecar-injector-leftover/sidecar-injector.istio.io"));
        assertThat(f.get(1).message()).startsWith("1 pod(s) here, e.g. cart-0, are selected by 2 injection hooks");
    }

    @Test
    void staysQuietWhenExactlyOneHookSelectsEachPod() {
        assertThat(CheckTester.run(new OverlappingWebhooks(), Fixtures.healthyWith("ID0205/dont-fire.yaml"))).isEmpty();
    }
}
