package io.injectordoctor.checks.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import io.injectordoctor.checks.CheckTester;
import io.injectordoctor.report.Finding;
import io.injectordoctor.checks.Fixtures;
import io.injectordoctor.report.Severity;
import org.junit.jupiter.api.Test;

class WebhookDeactivatedTest {
    @Test
    void firesWhenEveryInjectionHookIsDeactivated() {
        assertThat(CheckTester.run(new WebhookDeactivated(), Fixtures.snapshot("base/app.yaml", "ID0203/all-deactivated.yaml")))
                .hasSize(2).allSatisfy(f -> {
                    assertThat(f.severity()).isEqualTo(Severity.WARNING);
                    assertThat(f.message()).contains("no pod is injected");
                });
    }

    @Test
    void staysQuietButNotesADeactivatedHookBesideActiveOnes() {
        assertThat(CheckTester.run(new WebhookDeactivated(), Fixtures.healthyWith("ID0203/one-deactivated.yaml")))
                .hasSize(2).allSatisfy(f -> assertThat(f.severity()).isEqualTo(Severity.INFO))
                .extracting(Finding::message).first().asString().contains("4 other injection hook(s) are active");
    }

    @Test
    void staysQuietWithNoDeactivatedHook() {
        assertThat(CheckTester.run(new WebhookDeactivated(), Fixtures.snapshot(Fixtures.HEALTHY))).isEmpty();
    }
}
