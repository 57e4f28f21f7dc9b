package io.injectordoctor.cluster;

import io.injectordoctor.model.ObjectMeta;
import io.injectordoctor.model.OwnerRef;
import io.injectordoctor.model.PodInfo;
import io.injectordoctor.model.WorkloadInfo;
import java.util.Optional;
import java.util.Set;

/**
 * The command that recreates a pod, the fix for any injection mismatch (the webhook runs only at
 * creation): a rollout restart of its top-level workload, else deleting the pod.
 */
public final class PodRecreation {
    private static final Set<String> RESTARTABLE = Set.of("Deployment", "StatefulSet", "DaemonSet");

    private PodRecreation() {
    }

    public static String command(ClusterSnapshot snapshot, PodInfo pod) {
        ObjectMeta m = pod.meta();
        String kind = null;
        String name = null;
        for (int depth = 0; depth < 3; depth++) {
            Optional<OwnerRef> owner = m.owners().stream().filter(OwnerRef::controller).findFirst();
            if (owner.isEmpty()) {
                break;
            }
            kind = owner.get().kind();
            name = owner.get().name();
            Optional<WorkloadInfo> w = snapshot.workload(kind, m.namespace(), name);
            if (w.isEmpty()) {
                // ReplicaSets were not read (explaining one pod reads none): a Deployment's ReplicaSet
                // is named after it plus the pod-template-hash the pod carries.
                String hash = pod.meta().labels().get("pod-template-hash");
                if ("ReplicaSet".equals(kind) && hash != null && name.endsWith("-" + hash)) {
                    kind = "Deployment";
                    name = name.substring(0, name.length() - hash.length() - 1);
                }
                break;
            }
            m = w.get().meta();
        }
        String ns = pod.meta().namespace();
        if (kind != null && RESTARTABLE.contains(kind)) {
            return "kubectl -n " + ns + " rollout restart " + kind.toLowerCase(java.util.Locale.ROOT) + "/" + name;
        }
        return "kubectl -n " + ns + " delete pod " + pod.meta().name()
                + (kind == null ? " (a bare pod: re-create it from its manifest)" : "");
    }
}
