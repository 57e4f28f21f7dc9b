package io.injectordoctor.checks.pods;

import io.injectordoctor.checks.CheckContext;
import io.injectordoctor.checks.NamespaceAdvice;
import io.injectordoctor.checks.PodCheck;
import io.injectordoctor.checks.Subjects;
import io.injectordoctor.decision.AdmissionOutcome;
import io.injectordoctor.decision.Decision;
import io.injectordoctor.decision.HookEvaluation;
import io.injectordoctor.model.PodInfo;
import io.injectordoctor.model.ProxyObservation;
import io.injectordoctor.report.Finding;
import io.injectordoctor.report.Severity;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Pods that run the proxy of another revision than the one that selects them now: injected before a
 * revision tag moved (or before the namespace was relabelled). The injector records its own revision
 * in sidecar.istio.io/status, never the tag (webhook.go getInjectionStatus), so the tag is resolved
 * through the hook that selects the pod now. The pod keeps the old control plane's proxy until it is
 * re-created; the fix restarts its own workload.
 */
public final class StaleRevisionProxy implements PodCheck {
    @Override
    public String id() {
        return "ID0603";
    }

    @Override
    public List<Finding> judge(CheckContext context, PodInfo pod) {
        ProxyObservation proxy = ProxyObservation.of(pod);
        String injected = proxy.injectedRevision();
        if (!proxy.runsInjectedProxy() || injected == null) {
            return List.of();
        }
        Decision d = context.decide(pod);
        if (d.admission() != AdmissionOutcome.CALLED || !d.inject() || d.matchedHooks().isEmpty()) {
            return List.of();
        }
        HookEvaluation now = d.matchedHooks().get(0);
        if (now.revision().equals(injected)) {
            return List.of();
        }
        boolean installed = d.hooks().stream().anyMatch(h -> !h.deactivated() && h.revision().equals(injected));
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("injectedRevision", injected);
        evidence.put("selectedRevision", now.revision());
        evidence.put("tag", now.tag());
        evidence.put("hook", now.qualifiedName());
        evidence.put("injectedRevisionStillServed", installed);
        return List.of(new Finding(id(), Severity.WARNING, Subjects.of("Pod", pod.meta()), "runs the proxy of revision "
                + injected + " (its sidecar.istio.io/status), but " + now.qualifiedName() + " now selects it for "
                + NamespaceAdvice.revisionWords(now) + ": it stays on the old control plane"
                + (installed ? "" : ", which no hook serves any more,") + " until it is re-created", evidence)
                .withFix(PodVerdicts.recreate(context, pod)));
    }
}
