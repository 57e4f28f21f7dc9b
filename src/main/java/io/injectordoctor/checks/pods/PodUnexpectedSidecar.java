package io.injectordoctor.checks.pods;

import io.injectordoctor.checks.CheckContext;
import io.injectordoctor.checks.PodCheck;
import io.injectordoctor.checks.Subjects;
import io.injectordoctor.model.PodInfo;
import io.injectordoctor.report.Finding;
import io.injectordoctor.report.Severity;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Pods that run istio-proxy although the reference decision would not inject them today: injected
 * before an opt-out, or by hand ({@code istioctl kube-inject}). An error: the pod loses its sidecar
 * the next time it is re-created.
 */
public final class PodUnexpectedSidecar implements PodCheck {
    @Override
    public String id() {
        return "ID0602";
    }

    @Override
    public List<Finding> judge(CheckContext context, PodInfo pod) {
        PodVerdicts.Verdict v = PodVerdicts.mismatch(context, pod).orElse(null);
        if (v == null || v.decision().inject()) {
            return List.of();
        }
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("reason", v.decision().decisive().code().name());
        evidence.put("statusAnnotation", pod.hasStatusAnnotation());
        evidence.put("created", pod.meta().creationTimestamp());
        return List.of(new Finding(id(), Severity.ERROR, Subjects.of("Pod", pod.meta()),
                "runs istio-proxy, but would not be injected today: " + v.decision().decisive().message(), evidence)
                .withFix(PodVerdicts.recreate(context, pod)));
    }
}
