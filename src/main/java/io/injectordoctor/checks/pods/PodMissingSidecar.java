package io.injectordoctor.checks.pods;

import io.injectordoctor.checks.CheckContext;
import io.injectordoctor.checks.PodCheck;
import io.injectordoctor.checks.Subjects;
import io.injectordoctor.decision.HookEvaluation;
import io.injectordoctor.model.PodInfo;
import io.injectordoctor.report.Finding;
import io.injectordoctor.report.Severity;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Pods the reference decision would inject that run without istio-proxy: usually created before
 * their namespace was labelled or the webhook existed, or admitted while a failurePolicy Ignore
 * hook could not reach the injector. An error: the pod's traffic is outside the mesh until it is
 * re-created.
 */
public final class PodMissingSidecar implements PodCheck {
    @Override
    public String id() {
        return "ID0601";
    }

    @Override
    public List<Finding> judge(CheckContext context, PodInfo pod) {
        PodVerdicts.Verdict v = PodVerdicts.mismatch(context, pod).orElse(null);
        if (v == null || !v.decision().inject()) {
            return List.of();
        }
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("hooks", v.decision().matchedHooks().stream().map(HookEvaluation::qualifiedName).toList());
        evidence.put("reason", v.decision().decisive().code().name());
        evidence.put("created", pod.meta().creationTimestamp());
        String runs = v.proxy().awaitingInjection() ? "its istio-proxy still has image: auto, never injected"
                : "runs without istio-proxy";
        return List.of(new Finding(id(), Severity.ERROR, Subjects.of("Pod", pod.meta()),
                "should have the sidecar but " + runs + ": " + v.decision().decisive().message(), evidence)
                .withFix(io.injectordoctor.checks.Recreation.forMismatch(context.snapshot(), pod, v.decision())));
    }
}
