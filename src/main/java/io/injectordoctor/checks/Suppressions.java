package io.injectordoctor.checks;

import io.injectordoctor.report.Finding;
import io.injectordoctor.cluster.ClusterSnapshot;
import io.injectordoctor.model.ObjectMeta;
import io.injectordoctor.model.PodInfo;
import io.injectordoctor.model.WorkloadInfo;
import java.util.Arrays;
import java.util.Optional;

/**
 * Suppression by the annotation {@code injector-doctor.io/ignore: ID,ID} on a namespace or a
 * workload. A finding is suppressed when its subject, the subject's namespace, or a workload that
 * owns the subject (a pod's ReplicaSet and that ReplicaSet's Deployment) carries the check's id.
 */
public final class Suppressions {
    public static final String ANNOTATION = "injector-doctor.io/ignore";

    private final ClusterSnapshot snapshot;

    public Suppressions(ClusterSnapshot snapshot) {
        this.snapshot = snapshot;
    }

    public boolean suppressed(Finding f) {
        Subjects.Parsed s = Subjects.parse(f.subject());
        if (s.namespace() != null && snapshot.namespace(s.namespace())
                .map(n -> ignores(n.meta(), f.checkId())).orElse(false)) {
            return true;
        }
        if (s.name() == null || "Namespace".equals(s.kind())) {
            return false;
        }
        Optional<ObjectMeta> meta = "Pod".equals(s.kind())
                ? snapshot.pod(s.namespace(), s.name()).map(PodInfo::meta)
                : snapshot.workload(s.kind(), s.namespace(), s.name()).map(WorkloadInfo::meta);
        if (meta.isEmpty()) {
            return false;
        }
        if (ignores(meta.get(), f.checkId())) {
            return true;
        }
        return Owners.chain(snapshot, meta.get()).stream().anyMatch(w -> ignores(w.meta(), f.checkId()));
    }

    static boolean ignores(ObjectMeta meta, String checkId) {
        String value = meta.annotations().get(ANNOTATION);
        return value != null && Arrays.stream(value.split(",")).map(String::strip).anyMatch(checkId::equalsIgnoreCase);
    }
}
