package io.injectordoctor.checks;

import io.injectordoctor.cluster.ClusterSnapshot;
import io.injectordoctor.model.ObjectMeta;
import io.injectordoctor.model.OwnerRef;
import io.injectordoctor.model.WorkloadInfo;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Who owns what among the objects of a snapshot: a pod's ReplicaSet and that ReplicaSet's Deployment. */
public final class Owners {
    /** Deeper chains do not occur in Kubernetes' own controllers; a cycle in bad data stops here too. */
    private static final int MAX_DEPTH = 4;

    private Owners() {
    }

    /** The workloads above an object, nearest first, as far as the snapshot holds them. */
    public static List<WorkloadInfo> chain(ClusterSnapshot snapshot, ObjectMeta meta) {
        List<WorkloadInfo> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        ObjectMeta m = meta;
        for (int depth = 0; depth < MAX_DEPTH && !m.owners().isEmpty(); depth++) {
            OwnerRef owner = m.owners().stream().filter(OwnerRef::controller).findFirst().orElse(m.owners().get(0));
            Optional<WorkloadInfo> w = snapshot.workload(owner.kind(), meta.namespace(), owner.name());
            if (w.isEmpty() || !seen.add(w.get().kind() + "/" + w.get().meta().name())) {
                break;
            }
            out.add(w.get());
            m = w.get().meta();
        }
        return out;
    }

    /** The workloads a workload controls directly: a Deployment's ReplicaSets, a CronJob's Jobs. */
    public static List<WorkloadInfo> owned(ClusterSnapshot snapshot, WorkloadInfo owner) {
        return snapshot.workloads().stream()
                .filter(w -> java.util.Objects.equals(w.meta().namespace(), owner.meta().namespace()))
                .filter(w -> w.meta().owners().stream().anyMatch(o -> o.kind().equals(owner.kind())
                        && o.name().equals(owner.meta().name())))
                .toList();
    }
}
