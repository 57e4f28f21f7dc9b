package io.injectordoctor.checks.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import io.injectordoctor.checks.CheckTester;
import io.injectordoctor.report.Finding;
import io.injectordoctor.checks.Fixtures;
import io.injectordoctor.report.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

class OverlappingWebhooksTest {
    @Test
    void firesForAnOptedInNamespaceAndForALabelledPodSelectedTwice() {
        List<Finding> f = CheckTester.run(new OverlappingWebhooks(), Fixtures.healthyWith("ID0205/fires.yaml"));

        assertThat(f).extracting(Finding::severity).containsOnly(Severity.ERROR);
        assertThat(f).extracting(Finding::subject).containsExactly("Namespace default", "Pod shop/cart-0");
        assertThat(f.get(0).evidence().get("hooks")).isEqualTo(List.of(
                "istio-sidecar-injector/namespace.sidecar-injector.istio.io",
                "istio-sidecar-injector-leftover/sidecar-injector.istio.io"));
        assertThat(f.get(1).message()).startsWith("is selected by 2 injection hooks, so it is injected more than once");
    }

    @Test
    void staysQuietWhenExactlyOneHookSelectsEachPod() {
        assertThat(CheckTester.run(new OverlappingWebhooks(), Fixtures.healthyWith("ID0205/dont-fire.yaml"))).isEmpty();
    }
}
