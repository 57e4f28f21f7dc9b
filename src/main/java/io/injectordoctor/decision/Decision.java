package io.injectordoctor.decision;

import io.injectordoctor.mesh.RuleSet;
import java.util.List;
import java.util.Optional;

/**
 * The reference verdict: would the injector add the sidecar? Both stages, every hook evaluated,
 * and the ordered reasons with their evidence.
 */
public record Decision(boolean inject, List<HookEvaluation> hooks, List<Reason> reasons, InjectorInfo injector) {
    public Decision {
        hooks = List.copyOf(hooks);
        reasons = List.copyOf(reasons);
    }

    /**
     * The injector whose rules were applied. {@code version} is null when unknown;
     * {@code versionSource} says where it came from (an image, --istio-version, or nothing).
     */
    public record InjectorInfo(String revision, String version, String versionSource, RuleSet rules,
            String configMap) {
    }

    public List<HookEvaluation> matchedHooks() {
        return hooks.stream().filter(HookEvaluation::matched).toList();
    }

    public boolean has(ReasonCode code) {
        return reasons.stream().anyMatch(r -> r.code() == code);
    }

    public Optional<Reason> reason(ReasonCode code) {
        return reasons.stream().filter(r -> r.code() == code).findFirst();
    }

    /** The decisive reason: the last one in the trace that is not a side note. */
    public Reason decisive() {
        for (int i = reasons.size() - 1; i >= 0; i--) {
            ReasonCode c = reasons.get(i).code();
            // POLICY_EXPLICIT only applies an earlier explicit choice, which is the real reason.
            if (c != ReasonCode.SEED_RUNBOOK_DIFFERS && c != ReasonCode.VERSION_UNKNOWN && c != ReasonCode.POLICY_EXPLICIT
                    && c != ReasonCode.MATCH_CONDITIONS_NOT_EVALUATED && c != ReasonCode.ALREADY_INJECTED) {
                return reasons.get(i);
            }
        }
        return reasons.isEmpty() ? null : reasons.get(0);
    }
}
