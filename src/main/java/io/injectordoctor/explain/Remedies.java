package io.injectordoctor.explain;

import io.injectordoctor.mesh.IstioLayout;
import io.injectordoctor.cluster.ClusterSnapshot;
import io.injectordoctor.decision.Decision;
import io.injectordoctor.decision.HookEvaluation;
import io.injectordoctor.decision.InjectionSubject;
import io.injectordoctor.decision.ReasonCode;
import io.injectordoctor.decision.WebhookMatcher;
import io.injectordoctor.model.NamespaceInfo;
import io.injectordoctor.model.ObjectMeta;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The exact commands that recreate a pod or change a verdict. */
final class Remedies {
    private Remedies() {
    }

    /** What would flip the verdict, for an engineer who expected the other outcome. */
    static List<String> toChangeVerdict(Decision d, String ns, ObjectMeta meta, ClusterSnapshot snapshot) {
        List<String> out = new ArrayList<>();
        String key = IstioLayout.INJECT;
        if (d.inject()) {
            out.add("To opt this workload out: set the label " + key + ": \"false\" in the pod template's metadata.");
            return out;
        }
        if (d.has(ReasonCode.HOST_NETWORK)) {
            out.add("Pods on the host network are never injected; this cannot be overridden.");
            return out;
        }
        if (d.has(ReasonCode.IGNORED_NAMESPACE)) {
            out.add("Pods in namespace " + ns + " are never injected; run the workload in another namespace.");
            return out;
        }
        if (d.has(ReasonCode.NO_INJECTION_WEBHOOK)) {
            out.add("No injector is installed: install Istio (istioctl install) or check --istio-namespace.");
            return out;
        }
        if (d.has(ReasonCode.NO_HOOK_MATCHED)) {
            if ("false".equals(meta.labels().get(key))) {
                out.add("The pod label " + key + "=false stops every hook: remove it from the pod template.");
            }
            NamespaceInfo nsInfo = snapshot.namespace(ns).orElse(null);
            String injection = nsInfo == null ? null : nsInfo.meta().labels().get(IstioLayout.INJECTION);
            boolean defaultHook = d.hooks().stream().anyMatch(h -> !h.deactivated()
                    && (h.name().startsWith("namespace.") || h.name().equals(IstioLayout.LEGACY_HOOK)));
            if (defaultHook || injection != null) {
                out.add("kubectl label namespace " + ns + " istio-injection=enabled --overwrite");
            } else {
                d.hooks().stream().filter(h -> !h.deactivated() && h.name().startsWith("rev.namespace."))
                        .map(HookEvaluation::revision).distinct()
                        .forEach(rev -> out.add("kubectl label namespace " + ns + " " + IstioLayout.REV + "=" + rev
                                + " --overwrite"));
            }
            out.add("Then recreate the pods (kubectl -n " + ns + " rollout restart deployment/<name>): existing pods are not injected.");
            return out;
        }
        if (d.has(ReasonCode.POLICY_ILLEGAL)) {
            out.add("Set policy to enabled or disabled in " + d.injector().configMap() + " (key 'config').");
        } else if (d.has(ReasonCode.INJECT_LABEL) || d.has(ReasonCode.INJECT_ANNOTATION)) {
            out.add("Remove " + key + "=false (label or annotation) from the pod template, or set it to \"true\".");
        } else if (d.has(ReasonCode.NEVER_INJECT_SELECTOR)) {
            out.add("The injector's neverInjectSelector matches the pod's labels: set the label " + key
                    + ": \"true\" on the pod template, or change the selector.");
        } else if (d.has(ReasonCode.POLICY_DISABLED)) {
            out.add("The default policy is disabled: set the label " + key + ": \"true\" in the pod template's metadata.");
        }
        return out;
    }

    /** What would change the verdict for new pods of a namespace: its labels, not a pod template. */
    static List<String> toChangeNamespace(Decision d, String ns, ClusterSnapshot snapshot) {
        Map<String, String> labels = snapshot.namespace(ns).map(n -> n.meta().labels()).orElse(Map.of());
        List<String> out = new ArrayList<>();
        if (d.inject()) {
            if (labels.containsKey(IstioLayout.INJECTION)) {
                out.add("kubectl label namespace " + ns + " " + IstioLayout.INJECTION + "=disabled --overwrite");
            } else if (labels.containsKey(IstioLayout.REV)) {
                out.add("kubectl label namespace " + ns + " " + IstioLayout.REV + "-");
            } else {
                // Selected without a label (enableNamespacesByDefault): only an explicit opt-out stops it.
                out.add("kubectl label namespace " + ns + " " + IstioLayout.INJECTION + "=disabled");
            }
            out.add("Single workloads opt out with the label " + IstioLayout.INJECT + ": \"false\" on their pod template.");
            return out;
        }
        for (String line : toChangeVerdict(d, ns, ObjectMeta.of(ns, null), snapshot)) {
            out.add(line.replace("Then recreate the pods", "Then recreate the pods already there"));
        }
        return out;
    }
}
