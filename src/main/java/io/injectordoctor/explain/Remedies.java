package io.injectordoctor.explain;

import io.injectordoctor.checks.NamespaceAdvice;
import io.injectordoctor.cluster.ClusterSnapshot;
import io.injectordoctor.decision.Decision;
import io.injectordoctor.decision.ReasonCode;
import io.injectordoctor.mesh.Dataplane;
import io.injectordoctor.mesh.IstioComponent;
import io.injectordoctor.mesh.IstioLayout;
import io.injectordoctor.model.NamespaceInfo;
import io.injectordoctor.model.ObjectMeta;
import io.injectordoctor.model.ProxyObservation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The exact commands that change a verdict. Advice is never harmful: Istio's own workloads get none
 * (nothing about injection is theirs to change), the control plane's namespace is never labelled for
 * injection, and an ambient namespace is not turned into a sidecar namespace unless the workload asks
 * for a sidecar itself: both paths are said instead.
 */
final class Remedies {
    private Remedies() {
    }

    /** For a pod or pod template, with what it runs (or would run). */
    static List<String> forSubject(Decision d, String ns, ObjectMeta meta, ProxyObservation proxy, ClusterSnapshot snapshot) {
        if (proxy != null && proxy.meshInfrastructure()) {
            return List.of("Nothing to change: " + proxy.builtIn().describe() + " must not get a sidecar, and no restart, "
                    + "deletion or label of it changes an injection verdict.");
        }
        if (IstioComponent.of(meta.labels()).isPresent()) {
            return List.of("Nothing to change: " + IstioComponent.of(meta.labels()).get().describe()
                    + " is part of Istio and is never injected.");
        }
        return toChangeVerdict(d, ns, meta, snapshot);
    }

    /** What would flip the verdict, for an engineer who expected the other outcome. */
    static List<String> toChangeVerdict(Decision d, String ns, ObjectMeta meta, ClusterSnapshot snapshot) {
        List<String> out = new ArrayList<>();
        String key = IstioLayout.INJECT;
        if (d.inject()) {
            out.add("To opt this workload out: set the label " + key + ": \"false\" in the pod template's metadata.");
            return out;
        }
        if (d.has(ReasonCode.TEMPLATE_NOT_FOUND)) {
            out.add("Fix " + IstioLayout.TEMPLATES + " in the pod template: name templates the injector has (the refusal "
                    + "lists them), or add the template to the injector's ConfigMap " + d.injector().configMap() + ".");
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
            Map<String, String> nsLabels = snapshot.namespace(ns).map(n -> n.meta().labels()).orElse(Map.of());
            if (ns.equals(snapshot.istioNamespace())) {
                out.add("Namespace " + ns + " holds Istio's control plane: do not label it for injection. A workload "
                        + "there asks for a sidecar itself, with the label " + key + ": \"true\" on its pod template.");
                return out;
            }
            if (Dataplane.asksForAmbient(ns, nsLabels, meta.labels()) && !asksForSidecar(meta)) {
                out.add("It is in the ambient data plane: ztunnel carries its traffic and it needs no sidecar. To keep it "
                        + "so, change nothing; to take it out of the mesh, label the pod template "
                        + IstioLayout.DATAPLANE_MODE + "=" + IstioLayout.DATAPLANE_NONE + ".");
                out.add(NamespaceAdvice.sidecarPathInWords(ns));
                return out;
            }
            out.addAll(NamespaceAdvice.optIn(d, ns, nsLabels));
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

    /** The workload asks for a sidecar itself: the inject label or annotation true, or a revision label of its own. */
    static boolean asksForSidecar(ObjectMeta meta) {
        return "true".equals(meta.labels().get(IstioLayout.INJECT)) || "true".equals(meta.annotations().get(IstioLayout.INJECT))
                || meta.labels().containsKey(IstioLayout.REV);
    }

    /** What would change the verdict for new pods of a namespace: its labels, not a pod template. */
    static List<String> toChangeNamespace(Decision d, String ns, ClusterSnapshot snapshot) {
        Map<String, String> labels = snapshot.namespace(ns).map(n -> n.meta().labels()).orElse(Map.of());
        List<String> out = new ArrayList<>();
        boolean ambient = IstioLayout.asksForAmbient(labels);
        if (d.inject()) {
            if (ambient) {
                out.add("Namespace " + ns + " asks for ambient but new pods get a sidecar, which takes precedence over "
                        + "ztunnel. To keep it in ambient:");
                out.addAll(NamespaceAdvice.keepAmbient(ns, labels));
                out.add(NamespaceAdvice.sidecarPathInWords(ns));
                return out;
            }
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

    static Map<String, String> namespaceLabels(ClusterSnapshot s, String ns) {
        return s.namespace(ns).map(NamespaceInfo::effectiveLabels).orElse(Map.of());
    }
}
