package io.injectordoctor.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.injectordoctor.report.HookRef;
import io.injectordoctor.report.InjectorTarget;
import io.injectordoctor.report.RestartRecord;
import io.injectordoctor.report.RestartRecord.Change;
import io.injectordoctor.report.RestartRecord.Check;
import io.injectordoctor.report.RestartRecord.Status;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RestartTextTest {
    static final HookRef HOOK = new HookRef("istio-sidecar-injector", "namespace.sidecar-injector.istio.io", null,
            "istio-system", "istiod", 443, "https-webhook", 15017, null);
    static final InjectorTarget TARGET = new InjectorTarget("istio-system", "istiod", "default", false,
            Map.of("app", "istiod"), List.of(HOOK));
    static final Instant T = Instant.parse("2026-11-22T02:04:05Z");
    static final String ENDPOINTS = "Service istio-system/istiod: no endpoint of istio-system/istiod is ready (1 not ready)";
    static final String BUNDLE = "MutatingWebhookConfiguration istio-sidecar-injector: the caBundle is empty";

    static String print(RestartRecord r) {
        StringWriter w = new StringWriter();
        new RestartText(Style.plain()).print(new PrintWriter(w), r);
        return w.toString().replace(System.lineSeparator(), "\n");
    }

    @Test
    void beforeAndAfterSideBySideWithWhatTheRestartClearedAndWhatRemains() {
        RestartRecord.Judgement before = new RestartRecord.Judgement(false, List.of(
                new Check("ID0701", "the caBundle trusts the mesh root", Status.PROBLEM, List.of(BUNDLE), null),
                new Check("ID0801", "the injector has ready endpoints", Status.PROBLEM, List.of(ENDPOINTS), null)));
        RestartRecord.Judgement after = new RestartRecord.Judgement(false, List.of(
                new Check("ID0701", "the caBundle trusts the mesh root", Status.PROBLEM, List.of(BUNDLE), null),
                new Check("ID0801", "the injector has ready endpoints", Status.OK, List.of(), null)));
        RestartRecord r = new RestartRecord(TARGET, new RestartRecord.Patch("application/merge-patch+json",
                "{\"spec\":{}}", "injector-doctor", "2026-11-22T03:04:05+01:00"), false,
                List.of("deployment istio-system/istiod is managed by Flux (helm.toolkit.fluxcd.io/name)"),
                new RestartRecord.Timings(T, T, T, T, T), before, "deployment \"istiod\" successfully rolled out", after,
                List.of(new Change("ID0701", "the caBundle trusts the mesh root", Status.PROBLEM, Status.PROBLEM, List.of(),
                        List.of(BUNDLE), List.of()),
                        new Change("ID0801", "the injector has ready endpoints", Status.PROBLEM, Status.OK, List.of(ENDPOINTS),
                                List.of(), List.of())),
                RestartRecord.Result.STILL_BROKEN, 1, null, List.of("label the configuration"));

        assertThat(print(r)).isEqualTo("""
                Injector: deployment istio-system/istiod (revision default)
                  hook istio-sidecar-injector/namespace.sidecar-injector.istio.io -> service istio-system/istiod:443 (target port 15017)
                \u203c deployment istio-system/istiod is managed by Flux (helm.toolkit.fluxcd.io/name)
                Patch: application/merge-patch+json, fieldManager=injector-doctor
                  {"spec":{}}
                Rollout: deployment "istiod" successfully rolled out

                CHECK                                     BEFORE      AFTER
                ID0701 the caBundle trusts the mesh root  \u00d7 problem   \u00d7 problem
                ID0801 the injector has ready endpoints   \u00d7 problem   \u221a ok
                Gone after the restart:
                  \u221a ID0801 %s
                Still there:
                  \u00d7 ID0701 %s

                Result: restarted istio-system/istiod, but a problem remains
                Next steps:
                  - label the configuration
                """.formatted(ENDPOINTS, BUNDLE));
    }

    @Test
    void aRestartWhoseOutcomeIsUnknownSaysItWasMade() {
        RestartRecord.Judgement before = new RestartRecord.Judgement(false, List.of(
                new Check("ID0801", "the injector has ready endpoints", Status.PROBLEM, List.of(ENDPOINTS), null),
                new Check("ID0701", "the caBundle trusts the mesh root", Status.UNKNOWN, List.of(), "cannot read configmaps")));
        RestartRecord r = new RestartRecord(TARGET, new RestartRecord.Patch("application/merge-patch+json", "{}",
                "injector-doctor", "x"), false, List.of(), new RestartRecord.Timings(T, T, null, null, T), before, null, null,
                List.of(new Change("ID0801", "the injector has ready endpoints", Status.PROBLEM, null, List.of(),
                        List.of(ENDPOINTS), List.of()),
                        new Change("ID0701", "the caBundle trusts the mesh root", Status.UNKNOWN, null, List.of(), List.of(),
                                List.of())),
                RestartRecord.Result.RESTARTED_OUTCOME_UNKNOWN, 3, "cannot reach the API server at https://h: timed out",
                List.of("do not restart again"));

        String text = print(r);

        assertThat(text).contains("Patch: application/merge-patch+json", "Found:\n  \u00d7 ID0801 " + ENDPOINTS,
                "Not judged:\n  ? ID0701 not judged: cannot read configmaps",
                "Result: restarted istio-system/istiod, but its outcome is unknown: cannot reach the API server at https://h:"
                        + " timed out", "  - do not restart again");
        assertThat(text).contains("CHECK                                     BEFORE\n");
    }
}
