package io.injectordoctor.remedy;

import io.injectordoctor.cluster.ClusterSnapshot;
import java.util.ArrayList;
import java.util.List;

/**
 * Judges whether the injector is healthy, from one snapshot of the cluster. The restart runs it
 * before (to motivate the restart) and after (to verify it).
 */
@FunctionalInterface
public interface HealthAssessor {
    List<HealthCheck> checks(ClusterSnapshot snapshot, InjectorTarget target);

    default InjectorHealth assess(ClusterSnapshot snapshot, InjectorTarget target) {
        return new InjectorHealth(checks(snapshot, target));
    }

    /** Runs the given assessors in order and joins their checks. */
    static HealthAssessor all(HealthAssessor... assessors) {
        return (snapshot, target) -> {
            List<HealthCheck> out = new ArrayList<>();
            for (HealthAssessor a : assessors) {
                out.addAll(a.checks(snapshot, target));
            }
            return out;
        };
    }
}
