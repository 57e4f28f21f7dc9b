package io.injectordoctor.checks.workloads;

import io.injectordoctor.checks.Subjects;
import io.injectordoctor.cluster.ClusterSnapshot;
import io.injectordoctor.cluster.ResourceKind;
import io.injectordoctor.model.OwnerRef;
import io.injectordoctor.model.WorkloadInfo;
import java.util.List;
import java.util.Set;

/** The pod-template owners a user edits: a ReplicaSet run by a Deployment is reported on the Deployment. */
final class Workloads {
    static final Set<ResourceKind> KINDS = Set.of(ResourceKind.DEPLOYMENT, ResourceKind.STATEFULSET,
            ResourceKind.DAEMONSET, ResourceKind.REPLICASET, ResourceKind.JOB);

    private Workloads() {
    }

    static List<WorkloadInfo> topLevel(ClusterSnapshot snapshot) {
        return snapshot.workloads().stream().filter(w -> !controlledByKnownWorkload(snapshot, w)).toList();
    }

    static String subject(WorkloadInfo w) {
        return Subjects.of(w.kind(), w.meta());
    }

    private static boolean controlledByKnownWorkload(ClusterSnapshot snapshot, WorkloadInfo w) {
        return w.meta().owners().stream().filter(OwnerRef::controller)
                .anyMatch(o -> snapshot.workload(o.kind(), w.meta().namespace(), o.name()).isPresent());
    }
}
