package io.injectordoctor.checks;

import io.injectordoctor.cluster.ClusterSnapshot;
import io.injectordoctor.decision.Decision;
import io.injectordoctor.mesh.Dataplane;
import io.injectordoctor.mesh.MeshInfrastructure;
import io.injectordoctor.model.ObjectMeta;
import io.injectordoctor.model.OwnerRef;
import io.injectordoctor.model.PodInfo;
import io.injectordoctor.model.WorkloadInfo;
import io.injectordoctor.report.Advice;
import io.injectordoctor.report.Command;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The commands that re-create a pod, the fix for any injection mismatch (the webhook runs only when
 * a pod is created): a rollout restart of its top-level workload; for a pod a controller re-creates
 * (a ReplicaSet or Job of its own), deleting the pod; for a bare pod, saving its manifest first, then
 * deleting it and creating it again from the saved file. Never for the mesh's own workloads, unless
 * their proxy never started (still on {@code image: auto}).
 */
public final class Recreation {
    /** Kinds {@code kubectl rollout restart} accepts (kubectl's polymorphichelpers objectrestarter.go). */
    private static final Set<String> RESTARTABLE = Set.of("Deployment", "StatefulSet", "DaemonSet");

    private Recreation() {
    }

    /** The steps that re-create {@code pod}, with its real names. */
    public static List<Advice> of(ClusterSnapshot snapshot, PodInfo pod) {
        String ns = pod.meta().namespace();
        String name = pod.meta().name();
        // A gateway whose istio-proxy still waits on image: auto has never started: re-creating it
        // interrupts nothing, and is how it gets injected (issue 14's fix: label, then restart).
        boolean neverStarted = io.injectordoctor.model.ProxyObservation.of(pod).awaitingInjection();
        if (!neverStarted && MeshInfrastructure.workload(ns, pod.meta().labels(), snapshot.istioNamespace())) {
            return List.of(Advice.say("pod " + ns + "/" + name + " belongs to the mesh or to Kubernetes itself: do not"
                    + " restart it from here; upgrade or reinstall it the way it was installed (istioctl or Helm)"));
        }
        Owner top = topOwner(snapshot, pod);
        if (top == null) {
            String file = name + ".yaml";
            return List.of(
                    // kubectl create clears the saved resourceVersion (cli-runtime resource/helper.go
                    // CreateWithOptions, modify=true); uid and status are the API server's to set.
                    Advice.say("a bare pod: nothing re-creates it, so save its manifest, delete it, and create it again"
                            + " from the saved file"),
                    Advice.run(Command.kubectl("get", "pod", name).inNamespace(ns).with("-o", "yaml").savingTo(file)),
                    Advice.run(Command.kubectl("delete", "pod", name).inNamespace(ns)),
                    Advice.run(Command.kubectl("create", "-f", file)));
        }
        if (restartable(top.kind())) {
            return List.of(restart(top.kind(), top.name(), ns));
        }
        // A ReplicaSet without a Deployment, a Job: their controller creates a new pod for a deleted one.
        return List.of(Advice.run(Command.kubectl("delete", "pod", name).inNamespace(ns)));
    }

    /**
     * The fix of a pod whose proxy disagrees with the verdict: its re-creation, except for a pod that
     * ztunnel captures, whose namespace is also selected for sidecars, and that does not ask for one
     * itself. Re-created, it would leave ambient for a sidecar; the namespace is made to keep ambient
     * instead, and the sidecar path is said in words. explain and ID0601 both give this fix.
     */
    public static List<Advice> forMismatch(ClusterSnapshot snapshot, PodInfo pod, Decision d) {
        if (d.inject() && Dataplane.captured(pod.meta().annotations()) && !NamespaceAdvice.asksForSidecar(pod.meta())) {
            String ns = pod.meta().namespace();
            Map<String, String> labels = snapshot.namespace(ns).map(n -> n.meta().labels()).orElse(Map.of());
            List<Advice> fix = new java.util.ArrayList<>(NamespaceAdvice.keepAmbient(ns, labels));
            fix.add(NamespaceAdvice.sidecarPathInWords(ns));
            return fix;
        }
        return of(snapshot, pod);
    }

    /** Whether {@code kubectl rollout restart} accepts the kind. */
    public static boolean restartable(String kind) {
        return RESTARTABLE.contains(kind);
    }

    /** The rollout restart of a workload of a {@linkplain #restartable restartable} kind. */
    public static Advice restart(String kind, String name, String ns) {
        return Advice.run(Command.kubectl("rollout", "restart", kind.toLowerCase(java.util.Locale.ROOT) + "/" + name)
                .inNamespace(ns));
    }

    private record Owner(String kind, String name) {
    }

    /** The pod's top-level controller as far as the snapshot tells, or null for a bare pod. */
    private static Owner topOwner(ClusterSnapshot snapshot, PodInfo pod) {
        ObjectMeta m = pod.meta();
        Owner top = null;
        for (int depth = 0; depth < 3; depth++) {
            Optional<OwnerRef> owner = m.owners().stream().filter(OwnerRef::controller).findFirst();
            if (owner.isEmpty()) {
                break;
            }
            top = new Owner(owner.get().kind(), owner.get().name());
            Optional<WorkloadInfo> w = snapshot.workload(top.kind(), m.namespace(), top.name());
            if (w.isEmpty()) {
                // ReplicaSets were not read (explaining one pod reads none): a Deployment's ReplicaSet
                // is named after it plus the pod-template-hash the pod carries.
                String hash = pod.meta().labels().get("pod-template-hash");
                if ("ReplicaSet".equals(top.kind()) && hash != null && top.name().endsWith("-" + hash)) {
                    top = new Owner("Deployment", top.name().substring(0, top.name().length() - hash.length() - 1));
                }
                break;
            }
            m = w.get().meta();
        }
        return top;
    }
}
