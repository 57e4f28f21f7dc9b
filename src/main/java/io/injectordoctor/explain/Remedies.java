package io.injectordoctor.explain;

import io.injectordoctor.checks.NamespaceAdvice;
import io.injectordoctor.checks.Recreation;
import io.injectordoctor.cluster.ClusterSnapshot;
import io.injectordoctor.decision.Decision;
import io.injectordoctor.decision.ReasonCode;
import io.injectordoctor.mesh.Dataplane;
import io.injectordoctor.mesh.IstioComponent;
import io.injectordoctor.mesh.IstioLayout;
import io.injectordoctor.mesh.MeshInfrastructure;
import io.injectordoctor.model.NamespaceInfo;
import io.injectordoctor.model.ObjectMeta;
import io.injectordoctor.model.PodInfo;
import io.injectordoctor.model.ProxyObservation;
import io.injectordoctor.model.WorkloadInfo;
import io.injectordoctor.report.Advice;
import io.injectordoctor.report.Command;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The exact commands that change a verdict, with the subject's real names. A step that is not one
 * command (edit a pod template in the manifest it comes from) is said as a sentence. Advice is never
 * harmful: Istio's own workloads get none (nothing about injection is theirs to change), the mesh's
 * and Kubernetes' namespaces are never labelled for injection, and an ambient namespace is not turned
 * into a sidecar namespace unless the workload asks for a sidecar itself: both paths are said instead.
 */
final class Remedies {
    private Remedies() {
    }

    /** For a running pod, with the proxy it runs: its own re-creation once the labels are changed. */
    static List<Advice> forPod(Decision d, String ns, PodInfo pod, ProxyObservation proxy, ClusterSnapshot snapshot) {
        return builtIn(proxy, pod.meta())
                .orElseGet(() -> toChangeVerdict(d, ns, pod.meta(), snapshot, Recreation.of(snapshot, pod)));
    }

    /** For a workload's template: a rollout restart of the workload, when kubectl can restart its kind. */
    static List<Advice> forWorkload(Decision d, String ns, WorkloadInfo w, ProxyObservation proxy, ClusterSnapshot snapshot) {
        ObjectMeta tpl = w.templateMeta() == null ? ObjectMeta.of(ns, null) : w.templateMeta();
        Optional<List<Advice>> own = builtIn(proxy, tpl);
        if (own.isPresent()) {
            return own.get();
        }
        List<Advice> recreate = Recreation.restartable(w.kind()) ? List.of(Recreation.restart(w.kind(), w.meta().name(), ns))
                : List.of(Advice.say("then delete its pods, so that its controller creates them again"));
        return toChangeVerdict(d, ns, tpl, snapshot, recreate);
    }

    /** For a manifest not applied yet: nothing runs, so nothing is re-created. */
    static List<Advice> toChangeManifest(Decision d, String ns, ObjectMeta meta, ClusterSnapshot snapshot) {
        return toChangeVerdict(d, ns, meta, snapshot, List.of());
    }

    /** Istio's own proxies and components: nothing to change, said so. */
    private static Optional<List<Advice>> builtIn(ProxyObservation proxy, ObjectMeta meta) {
        if (proxy != null && proxy.meshInfrastructure()) {
            return Optional.of(List.of(Advice.say("nothing to change: " + proxy.builtIn().describe() + " must not get a"
                    + " sidecar, and no restart, deletion or label of it changes an injection verdict")));
        }
        return IstioComponent.of(meta.labels()).map(c -> List.of(Advice.say("nothing to change: " + c.describe()
                + " is part of Istio and is never injected")));
    }

    /** What would flip the verdict, for an engineer who expected the other outcome. */
    private static List<Advice> toChangeVerdict(Decision d, String ns, ObjectMeta meta, ClusterSnapshot snapshot,
            List<Advice> recreate) {
        List<Advice> out = new ArrayList<>();
        String key = IstioLayout.INJECT;
        if (MeshInfrastructure.workload(ns, meta.labels(), snapshot.istioNamespace())) {
            out.add(Advice.say("this belongs to the mesh or to Kubernetes itself: its injection is set by how it was"
                    + " installed (istioctl or Helm values); do not relabel or restart it from here"));
            return out;
        }
        if (d.inject()) {
            out.add(Advice.say("to opt this workload out: set the label " + key + ": \"false\" in the pod template's metadata"));
            return out;
        }
        if (d.has(ReasonCode.TEMPLATE_NOT_FOUND)) {
            out.add(Advice.say("fix " + IstioLayout.TEMPLATES + " in the pod template: name templates the injector has (the"
                    + " refusal lists them), or add the template to the injector's ConfigMap " + d.injector().configMap()));
            return out;
        }
        if (d.has(ReasonCode.HOST_NETWORK)) {
            out.add(Advice.say("pods on the host network are never injected; this cannot be overridden"));
            return out;
        }
        if (d.has(ReasonCode.IGNORED_NAMESPACE)) {
            out.add(Advice.say("pods in namespace " + ns + " are never injected; run the workload in another namespace"));
            return out;
        }
        if (d.has(ReasonCode.NO_INJECTION_WEBHOOK)) {
            out.add(Advice.say("no injector is installed: install Istio (istioctl install), or name its namespace with"
                    + " --istio-namespace"));
            return out;
        }
        if (d.has(ReasonCode.NO_HOOK_MATCHED)) {
            if ("false".equals(meta.labels().get(key))) {
                out.add(Advice.say("the pod label " + key + "=false stops every hook: remove it from the pod template"));
            }
            if (ns == null) {
                out.add(Advice.say("label the namespace the pods run in for injection"));
                return out;
            }
            Map<String, String> nsLabels = snapshot.namespace(ns).map(n -> n.meta().labels()).orElse(Map.of());
            if (Dataplane.asksForAmbient(ns, nsLabels, meta.labels()) && !NamespaceAdvice.asksForSidecar(meta)) {
                out.add(Advice.say("it is in the ambient data plane: ztunnel carries its traffic and it needs no sidecar;"
                        + " to keep it so, change nothing; to take it out of the mesh, label the pod template "
                        + IstioLayout.DATAPLANE_MODE + "=" + IstioLayout.DATAPLANE_NONE));
                out.add(NamespaceAdvice.sidecarPathInWords(ns));
                return out;
            }
            out.addAll(NamespaceAdvice.optIn(d, ns, nsLabels));
            if (!recreate.isEmpty()) {
                out.add(Advice.say("then re-create the pods: existing pods are not injected"));
                out.addAll(recreate);
            }
            return out;
        }
        if (d.has(ReasonCode.POLICY_ILLEGAL)) {
            out.add(Advice.say("set policy to enabled or disabled in " + d.injector().configMap() + " (key 'config')"));
        } else if (d.has(ReasonCode.INJECT_LABEL) || d.has(ReasonCode.INJECT_ANNOTATION)) {
            out.add(Advice.say("remove " + key + "=false (label or annotation) from the pod template, or set it to \"true\""));
        } else if (d.has(ReasonCode.NEVER_INJECT_SELECTOR)) {
            out.add(Advice.say("the injector's neverInjectSelector matches the pod's labels: set the label " + key
                    + ": \"true\" on the pod template, or change the selector"));
        } else if (d.has(ReasonCode.POLICY_DISABLED)) {
            out.add(Advice.say("the default policy is disabled: set the label " + key + ": \"true\" in the pod template's"
                    + " metadata"));
        }
        return out;
    }

    /** What would change the verdict for new pods of a namespace: its labels, not a pod template. */
    static List<Advice> toChangeNamespace(Decision d, String ns, ClusterSnapshot snapshot) {
        if (MeshInfrastructure.namespace(ns, snapshot.istioNamespace())) {
            return List.of(Advice.say("namespace " + ns + " holds the mesh's or Kubernetes' own workloads: do not label it"
                    + " for injection"));
        }
        Map<String, String> labels = snapshot.namespace(ns).map(n -> n.meta().labels()).orElse(Map.of());
        List<Advice> out = new ArrayList<>();
        if (d.inject()) {
            if (IstioLayout.asksForAmbient(labels)) {
                out.add(Advice.say("namespace " + ns + " asks for ambient but new pods get a sidecar, which takes precedence"
                        + " over ztunnel; to keep it in ambient:"));
                out.addAll(NamespaceAdvice.keepAmbient(ns, labels));
                out.add(NamespaceAdvice.sidecarPathInWords(ns));
                return out;
            }
            if (labels.containsKey(IstioLayout.INJECTION)) {
                out.add(Advice.run(Command.kubectl("label", "namespace", ns, IstioLayout.INJECTION + "=disabled",
                        "--overwrite")));
            } else if (labels.containsKey(IstioLayout.REV)) {
                out.add(Advice.run(Command.kubectl("label", "namespace", ns, IstioLayout.REV + "-")));
            } else {
                // Selected without a label (enableNamespacesByDefault): only an explicit opt-out stops it.
                out.add(Advice.run(Command.kubectl("label", "namespace", ns, IstioLayout.INJECTION + "=disabled")));
            }
            out.add(Advice.say("single workloads opt out with the label " + IstioLayout.INJECT
                    + ": \"false\" on their pod template"));
            return out;
        }
        List<Advice> recreate = new ArrayList<>();
        snapshot.workloads().stream()
                .filter(w -> ns.equals(w.meta().namespace()) && Recreation.restartable(w.kind()) && w.meta().owners().isEmpty())
                .forEach(w -> recreate.add(Recreation.restart(w.kind(), w.meta().name(), ns)));
        return toChangeVerdict(d, ns, ObjectMeta.of(ns, null), snapshot, recreate);
    }

    static Map<String, String> namespaceLabels(ClusterSnapshot s, String ns) {
        return s.namespace(ns).map(NamespaceInfo::effectiveLabels).orElse(Map.of());
    }
}
