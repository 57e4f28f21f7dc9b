package io.injectordoctor.remedy;

import static org.assertj.core.api.Assertions.assertThat;

import io.injectordoctor.render.Style;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RestartReportTest {
    static final HookRef HOOK = new HookRef("istio-sidecar-injector", "namespace.sidecar-injector.istio.io", null,
            "istio-system", "istiod", 443, "https-webhook", 15017, null);
    static final InjectorTarget TARGET = new InjectorTarget("istio-system", "istiod", "default", false,
            Map.of("app", "istiod"), List.of(HOOK));

    @Test
    void beforeAndAfterSideBySideWithTheEvidenceOfWhatIsNotOk() {
        HealthCheck epDown = HealthCheck.problem("endpoints istio-system/istiod:443", "endpoints",
                "no ready endpoint on port 443 (target 15017) (EndpointSlices)");
        HealthCheck epUp = HealthCheck.ok("endpoints istio-system/istiod:443", "endpoints",
                "1 ready endpoint on port 443 (target 15017) (EndpointSlices)");
        HealthCheck bundle = HealthCheck.problem("caBundle istio-sidecar-injector/namespace.sidecar-injector.istio.io",
                "certificates", "caBundle is empty");
        InjectorHealth before = new InjectorHealth(List.of(epDown, bundle));
        InjectorHealth after = new InjectorHealth(List.of(epUp, bundle));
        Instant t = Instant.parse("2026-11-22T02:04:05Z");
        RestartRecord r = new RestartRecord(TARGET, RolloutRestarter.patchFor("2026-11-22T03:04:05+01:00"), false,
                List.of("deployment istio-system/istiod is managed by Flux (helm.toolkit.fluxcd.io/name): the restart"
                        + " annotation may be reverted and the Deployment shown as drifted"),
                new RestartRecord.Timings(t, t, t, t, t), RestartRecord.Assessment.of(before),
                "deployment \"istiod\" successfully rolled out", RestartRecord.Assessment.of(after),
                RestartRecord.Result.STILL_BROKEN, 1, NextSteps.forProblems(TARGET, after));
        StringWriter w = new StringWriter();

        new RestartReport(Style.plain()).print(new PrintWriter(w), r);

        assertThat(w.toString().replace(System.lineSeparator(), "\n")).isEqualTo("""
                Injector: deployment istio-system/istiod (revision default)
                  hook istio-sidecar-injector/namespace.sidecar-injector.istio.io -> service istio-system/istiod:443 (target port 15017)
                \u203c deployment istio-system/istiod is managed by Flux (helm.toolkit.fluxcd.io/name): the restart annotation may be reverted and the Deployment shown as drifted
                Patch: application/merge-patch+json, fieldManager=injector-doctor
                  {"spec":{"template":{"metadata":{"annotations":{"kubectl.kubernetes.io/restartedAt":"2026-11-22T03:04:05+01:00"}}}}}
                Rollout: deployment "istiod" successfully rolled out

                CHECK                                                                BEFORE      AFTER
                endpoints istio-system/istiod:443                                    \u00d7 problem   \u221a ok
                caBundle istio-sidecar-injector/namespace.sidecar-injector.istio.io  \u00d7 problem   \u00d7 problem
                Before:
                  \u00d7 endpoints istio-system/istiod:443: no ready endpoint on port 443 (target 15017) (EndpointSlices)
                  \u00d7 caBundle istio-sidecar-injector/namespace.sidecar-injector.istio.io: caBundle is empty
                After:
                  \u00d7 caBundle istio-sidecar-injector/namespace.sidecar-injector.istio.io: caBundle is empty

                Result: restarted istio-system/istiod, but a problem remains
                Next steps:
                  - istiod patches the caBundle only of MutatingWebhookConfigurations labelled istio.io/rev; istio-sidecar-injector has no such label: kubectl label mutatingwebhookconfiguration istio-sidecar-injector istio.io/rev=default (or reinstall it with istioctl or Helm).
                """);
    }

    @Test
    void aRevisionMismatchAndAnUnhealthyPodGetTheirOwnAdvice() {
        HookRef other = new HookRef("istio-sidecar-injector-1-16", "namespace.sidecar-injector.istio.io", "1-16",
                "istio-system", "istiod", 443, "https-webhook", 15017, null);
        InjectorTarget t = new InjectorTarget("istio-system", "istiod", "default", false, Map.of("app", "istiod"),
                List.of(other));
        InjectorHealth after = new InjectorHealth(List.of(
                HealthCheck.problem(EndpointReadiness.name(other), "endpoints", "no ready endpoint"),
                HealthCheck.problem(CaBundleMatch.name(other), "certificates", "caBundle is empty")));
        assertThat(NextSteps.forProblems(t, after)).containsExactly(
                "The injector pods are not ready: look at why with kubectl -n istio-system get pods -l app=istiod,"
                        + " kubectl -n istio-system describe pods -l app=istiod and kubectl -n istio-system logs deployment/istiod.",
                "istio-sidecar-injector-1-16 is labelled istio.io/rev=1-16 but the restarted istiod is revision default:"
                        + " restart the injector of revision 1-16 (--revision 1-16) or fix the label.");
    }
}
