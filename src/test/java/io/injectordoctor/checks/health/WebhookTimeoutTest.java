package io.injectordoctor.checks.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.injectordoctor.checks.CheckTester;
import io.injectordoctor.report.Finding;
import io.injectordoctor.checks.Fixtures;
import io.injectordoctor.report.Severity;
import org.junit.jupiter.api.Test;

class WebhookTimeoutTest {
    @Test
    void firesOnAShortTimeoutAndNotesALongOne() {
        assertThat(CheckTester.run(new WebhookTimeout(), Fixtures.healthyWith("ID0804/fires.yaml")))
                .extracting(Finding::severity, Finding::message).containsExactly(
                        org.assertj.core.groups.Tuple.tuple(Severity.WARNING, "timeoutSeconds 2 is short: when the "
                                + "injector answers later (start-up, load), the pod is rejected"),
                        org.assertj.core.groups.Tuple.tuple(Severity.INFO,
                                "timeoutSeconds 25: a hung injector holds each pod creation 25 s before the pod is rejected"));
    }

    @Test
    void staysQuietOnTheDefaultAndOnTenSeconds() {
        assertThat(CheckTester.run(new WebhookTimeout(), Fixtures.healthyWith("ID0804/dont-fire.yaml"))).isEmpty();
    }
}
