package io.injectordoctor.remedy;

import java.util.ArrayList;
import java.util.List;

/**
 * Judges whether the injector is healthy. The restart runs it before (to motivate the restart) and
 * after (to verify it). The minimal assessors here can be swapped for the full certificate
 * analysis without touching the restart.
 */
@FunctionalInterface
public interface HealthAssessor {
    List<HealthCheck> checks(InjectorTarget target);

    default InjectorHealth assess(InjectorTarget target) {
        return new InjectorHealth(checks(target));
    }

    /** Runs the given assessors in order and joins their checks. */
    static HealthAssessor all(HealthAssessor... assessors) {
        return target -> {
            List<HealthCheck> out = new ArrayList<>();
            for (HealthAssessor a : assessors) {
                out.addAll(a.checks(target));
            }
            return out;
        };
    }
}
