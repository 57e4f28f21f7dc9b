package io.injectordoctor.checks;

import io.injectordoctor.cluster.ClusterSnapshot;
import io.injectordoctor.model.ObjectMeta;
import io.injectordoctor.model.OwnerRef;
import io.injectordoctor.model.PodInfo;
import io.injectordoctor.model.WorkloadInfo;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Suppression by the annotation {@code injector-doctor.io/ignore: ID,ID} on a namespace or a
 * workload. A finding is suppressed when its subject, the subject's namespace, or a workload that
 * owns the subject (a pod's ReplicaSet and that ReplicaSet's Deployment) carries the check's id.
 */
public final class Suppressions {
    public static final String ANNOTATION = "injector-doctor.io/ignore";
    private static final int MAX_OWNER_DEPTH = 4;

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
        Set<String> seen = new HashSet<>();
        for (int depth = 0; meta.isPresent() && depth < MAX_OWNER_DEPTH; depth++) {
            ObjectMeta m = meta.get();
            if (ignores(m, f.checkId())) {
                return true;
            }
            if (!seen.add(m.qualifiedName()) || m.owners().isEmpty()) {
                return false;
            }
            OwnerRef owner = m.owners().stream().filter(OwnerRef::controller).findFirst().orElse(m.owners().get(0));
            meta = snapshot.workload(owner.kind(), m.namespace(), owner.name()).map(WorkloadInfo::meta);
        }
        return false;
    }

    static boolean ignores(ObjectMeta meta, String checkId) {
        String value = meta.annotations().get(ANNOTATION);
        return value != null && Arrays.stream(value.split(",")).map(String::strip).anyMatch(checkId::equalsIgnoreCase);
    }
}
