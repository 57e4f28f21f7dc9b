package io.injectordoctor.decision;

import io.injectordoctor.mesh.RuleSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The reference verdict: would the injector add the sidecar? Both stages, every hook evaluated,
 * and the ordered reasons with their evidence. {@code admission} is what the API server does at
 * the injection hooks; {@code inject} can be true only when it calls one, and is false too when
 * the outcome is unknown (see {@link #injectOrUnknown()}). {@code refusal} is set when it refuses.
 */
public record Decision(boolean inject, AdmissionOutcome admission, Refusal refusal, List<HookEvaluation> hooks,
        List<Reason> reasons, InjectorInfo injector) {
    public Decision {
        hooks = List.copyOf(hooks);
        reasons = List.copyOf(reasons);
    }

    /**
     * The injector whose rules were applied. {@code version} is null when unknown;
     * {@code versionSource} says where it came from (an image, --istio-version, or nothing).
     */
    public record InjectorInfo(String revision, String version, String versionSource, RuleSet rules,
            String configMap, NativeSidecarsEnv nativeSidecars) {
        public InjectorInfo(String revision, String version, String versionSource, RuleSet rules, String configMap) {
            this(revision, version, versionSource, rules, configMap, NativeSidecarsEnv.NOT_READ);
        }
    }

    /**
     * istiod's ENABLE_NATIVE_SIDECARS as its Deployment sets it: {@code read} is false when the
     * Deployment was not found (or the version was given with --istio-version); {@code value} is null
     * when the variable is not set.
     */
    public record NativeSidecarsEnv(boolean read, String value) {
        public static final NativeSidecarsEnv NOT_READ = new NativeSidecarsEnv(false, null);
    }

    private static final Set<ReasonCode> SIDE_NOTES = Set.of(ReasonCode.SEED_RUNBOOK_DIFFERS, ReasonCode.VERSION_UNKNOWN,
            ReasonCode.POLICY_EXPLICIT, ReasonCode.MATCH_CONDITIONS_TRUE, ReasonCode.ALREADY_INJECTED,
            ReasonCode.TEMPLATES_SELECTED);

    /** true inject, false not (not called, refused, or the injector declines), null unknown. */
    public Boolean injectOrUnknown() {
        return admission == AdmissionOutcome.UNKNOWN ? null : inject;
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

    /**
     * The decisive reason: for a refusal, the rule that refused; for an unknown outcome, the first
     * condition that could not be decided; otherwise the last reason of the trace that is not a side note.
     */
    public Reason decisive() {
        if (refusal != null) {
            Optional<Reason> r = reason(refusal.code());
            if (r.isPresent()) {
                return r.get();
            }
        }
        if (admission == AdmissionOutcome.UNKNOWN) {
            Optional<Reason> r = reason(ReasonCode.MATCH_CONDITION_UNKNOWN);
            if (r.isPresent()) {
                return r.get();
            }
        }
        for (int i = reasons.size() - 1; i >= 0; i--) {
            // POLICY_EXPLICIT only applies an earlier explicit choice, which is the real reason.
            if (!SIDE_NOTES.contains(reasons.get(i).code())) {
                return reasons.get(i);
            }
        }
        return reasons.isEmpty() ? null : reasons.get(0);
    }
}
