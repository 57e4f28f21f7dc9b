package io.injectordoctor.checks.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.injectordoctor.checks.CheckTester;
import io.injectordoctor.report.Finding;
import io.injectordoctor.report.Severity;
import io.injectordoctor.checks.Fixtures;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class AdmissionFailureEventsTest {
    @Test
    void firesOnEveryFailedCreateThatNamesAnInjectionWebhookAndClassifiesIt() {
        List<Finding> f = CheckTester.run(new AdmissionFailureEvents(), Fixtures.healthyWith("ID0901/fires.yaml"));
        Map<String, Object> causeBySubject = f.stream()
                .collect(Collectors.toMap(Finding::subject, x -> x.evidence().get("cause")));

        assertThat(causeBySubject).containsOnly(
                Map.entry("ReplicaSet default/sleep-5d8f7c9b4", "unknown-authority"),
                Map.entry("ReplicaSet default/web-6c9d8f7b5", "no-endpoints"),
                Map.entry("ReplicaSet default/expired-7f6e5d4c3", "certificate-expired"),
                Map.entry("ReplicaSet default/wrongname-7f6e5d4c3", "certificate-wrong-name"),
                Map.entry("ReplicaSet default/notfound-7f6e5d4c3", "service-not-found"),
                Map.entry("ReplicaSet default/timeout-7f6e5d4c3", "timeout"),
                Map.entry("ReplicaSet default/refused-7f6e5d4c3", "connection-refused"),
                Map.entry("ReplicaSet default/eof-7f6e5d4c3", "eof"),
                Map.entry("ReplicaSet default/proxy-7f6e5d4c3", "proxy"),
                Map.entry("ReplicaSet default/dns-7f6e5d4c3", "no-such-host"),
                Map.entry("ReplicaSet default/other-7f6e5d4c3", "other"));
    }

    @Test
    void theRunbooksTwoErrorsGetTheirNextSteps() {
        Map<String, Finding> bySubject = CheckTester.run(new AdmissionFailureEvents(),
                Fixtures.healthyWith("ID0901/fires.yaml")).stream()
                .collect(Collectors.toMap(Finding::subject, Function.identity()));

        Finding x509 = bySubject.get("ReplicaSet default/sleep-5d8f7c9b4");
        assertThat((String) x509.evidence().get("event")).contains("x509: certificate signed by unknown authority");
        assertThat(x509.message()).startsWith("17 times, last at 2026-11-22T09:10:00Z: pod creation rejected by webhook sidecar-injector.istio.io: "
                + "certificate signed by unknown authority. Next: compare the hook's caBundle");
        Finding endpoints = bySubject.get("ReplicaSet default/web-6c9d8f7b5");
        assertThat((String) endpoints.evidence().get("event"))
                .contains("no endpoints available for service \"istio-sidecar-injector\"");
        assertThat(endpoints.message()).contains("webhook istio-sidecar-injector.istio.io: no endpoints available. "
                + "Next: the injector has no ready pod");
    }

    @Test
    void staysQuietOnFailuresOfOtherWebhooksAndOtherReasons() {
        assertThat(CheckTester.run(new AdmissionFailureEvents(), Fixtures.healthyWith("ID0901/dont-fire.yaml"))).isEmpty();
    }

    /** Events outlive their cause; check must turn green once the fix has worked. */
    @Test
    void staysQuietOnFailuresThatArePastAndSaysWhy() {
        List<Finding> f = CheckTester.run(new AdmissionFailureEvents(), Fixtures.fromFixtureFile("ID0901/dont-fire-past.yaml"));
        Map<String, Finding> bySubject = f.stream().collect(Collectors.toMap(Finding::subject, Function.identity()));
        assertThat(f).extracting(Finding::severity).containsOnly(Severity.INFO);
        assertThat(bySubject.get("ReplicaSet default/sleep-5d8f7c9b4").message()).startsWith("past, ReplicaSet "
                + "sleep-5d8f7c9b4 created pod sleep-5d8f7c9b4-q8k2m at 2026-11-22T09:30:00Z, after the last failure: "
                + "17 times from 2026-11-22T08:00:00Z to 2026-11-22T09:10:00Z: pod creation rejected");
        assertThat(bySubject.get("ReplicaSet default/web-6c9d8f7b5").message()).startsWith("past, every injector pod "
                + "started after the last failure (the oldest at 2026-11-22T09:00:00Z): 4 times");
        assertThat(bySubject.get("ReplicaSet default/web-6c9d8f7b5").evidence()).containsEntry("count", 4);
    }
}
