package io.injectordoctor.checks.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.injectordoctor.checks.CheckTester;
import io.injectordoctor.report.Finding;
import io.injectordoctor.checks.Fixtures;
import io.injectordoctor.report.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookFailurePolicyTest {
    private final WebhookFailurePolicy check = new WebhookFailurePolicy();

    @Test
    void firesWhenFailBlocksCreationBecauseTheInjectorIsDown() {
        List<Finding> f = CheckTester.run(check, Fixtures.snapshot(Fixtures.INJECTOR_DOWN));

        assertThat(f).hasSize(4).allSatisfy(x -> {
            assertThat(x.severity()).isEqualTo(Severity.ERROR);
            assertThat(x.message()).isEqualTo("failurePolicy Fail and no ready injector: creation of the pods it selects is blocked");
        });
    }

    @Test
    void firesWhenIgnoreStartsPodsWithoutTheSidecarNow() {
        assertThat(CheckTester.run(check, Fixtures.injectorDownWith("ID0803/ignore.yaml")))
                .filteredOn(x -> x.subject().contains("open.sidecar-injector")).extracting(Finding::message)
                .containsExactly("failurePolicy Ignore and no ready injector: pods it selects are starting without the sidecar now");
    }

    @Test
    void warnsAboutIgnoreWhileTheInjectorIsUp() {
        assertThat(CheckTester.run(check, Fixtures.healthyWith("ID0803/ignore.yaml")))
                .extracting(Finding::severity, Finding::subject).containsExactly(org.assertj.core.groups.Tuple.tuple(
                        Severity.WARNING, "MutatingWebhookConfiguration istio-sidecar-injector-open, hook open.sidecar-injector.istio.io"));
    }

    @Test
    void staysQuietWithFailAndAReadyInjector() {
        assertThat(CheckTester.run(check, Fixtures.snapshot(Fixtures.HEALTHY))).isEmpty();
    }
}
