package io.injectordoctor.remedy;

import static org.assertj.core.api.Assertions.assertThat;

import io.injectordoctor.report.HookRef;
import io.injectordoctor.report.InjectorTarget;
import io.injectordoctor.report.RestartRecord;
import io.injectordoctor.report.RestartRecord.Check;
import io.injectordoctor.report.RestartRecord.Status;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NextStepsTest {
    @Test
    void aRevisionMismatchAndAnUnhealthyPodGetTheirOwnAdvice() {
        HookRef other = new HookRef("istio-sidecar-injector-1-16", "namespace.sidecar-injector.istio.io", "1-16",
                "istio-system", "istiod", 443, "https-webhook", 15017, null);
        InjectorTarget t = new InjectorTarget("istio-system", "istiod", "default", false, Map.of("app", "istiod"),
                List.of(other));
        RestartRecord.Judgement after = new RestartRecord.Judgement(false, List.of(
                new Check("ID0801", "endpoints", Status.PROBLEM, List.of("Service istio-system/istiod: no endpoint"), null),
                new Check("ID0802", "pods", Status.PROBLEM, List.of("Service istio-system/istiod: none ready"), null),
                new Check("ID0701", "caBundle", Status.PROBLEM,
                        List.of("MutatingWebhookConfiguration istio-sidecar-injector-1-16: the caBundle is empty"), null),
                new Check("ID0204", "service", Status.OK, List.of(), null)));
        assertThat(NextSteps.forProblems(t, after)).containsExactly(
                "The injector pods are not ready: look at why with kubectl -n istio-system get pods -l app=istiod,"
                        + " kubectl -n istio-system describe pods -l app=istiod and kubectl -n istio-system logs deployment/istiod.",
                "istio-sidecar-injector-1-16 is labelled istio.io/rev=1-16 but the restarted istiod is revision default:"
                        + " restart the injector of revision 1-16 (--revision 1-16) or fix the label.");
    }

    @Test
    void anUnlabelledConfigurationIsToldToBeLabelled() {
        HookRef h = new HookRef("istio-sidecar-injector", "namespace.sidecar-injector.istio.io", null,
                "istio-system", "istiod", 443, "https-webhook", 15017, null);
        InjectorTarget t = new InjectorTarget("istio-system", "istiod", "default", false, Map.of("app", "istiod"), List.of(h));
        RestartRecord.Judgement after = new RestartRecord.Judgement(false, List.of(new Check("ID0701", "caBundle",
                Status.PROBLEM, List.of("MutatingWebhookConfiguration istio-sidecar-injector: the caBundle is empty"), null)));
        assertThat(NextSteps.forProblems(t, after)).singleElement().satisfies(s -> assertThat(s).contains(
                "kubectl label mutatingwebhookconfiguration istio-sidecar-injector istio.io/rev=default"));
    }
}
