package io.injectordoctor.decision;

import java.util.ArrayList;
import java.util.List;

/**
 * What a hook's matchConditions decide, combined as the API server combines them
 * (k8s.io/apiserver pkg/admission/plugin/webhook/matchconditions/matcher.go, {@code Match}): any
 * condition false and the hook is not called, whatever the others gave; otherwise any error
 * refuses the request under failurePolicy Fail (webhook/generic/webhook.go {@code ShouldCallHook}
 * answers it with {@code NewForbidden}) and skips the hook under Ignore; otherwise the hook is
 * called. A condition the tool cannot decide leaves the outcome unknown unless the others settle
 * it: a false one, or an error under Ignore (which skips the hook either way).
 *
 * @param decisive the condition that decided (false, error or unknown), or null when all are true
 * @param error the API server's aggregated error message when there are errors, else null
 */
public record MatchConditionsVerdict(AdmissionOutcome outcome, List<ConditionResult> results,
        ConditionResult decisive, String error) {
    public MatchConditionsVerdict {
        results = List.copyOf(results);
    }

    /** @param failurePolicy the hook's; absent means Fail (matcher.go {@code NewMatcher}) */
    public static MatchConditionsVerdict of(List<ConditionResult> results, String failurePolicy) {
        boolean ignore = "Ignore".equals(failurePolicy);
        List<String> errors = new ArrayList<>();
        ConditionResult firstError = null;
        ConditionResult firstUnknown = null;
        for (ConditionResult r : results) {
            switch (r.kind()) {
                case FALSE -> {
                    return new MatchConditionsVerdict(AdmissionOutcome.NOT_CALLED, results, r, null);
                }
                case ERROR -> {
                    errors.add(r.detail());
                    firstError = firstError == null ? r : firstError;
                }
                case UNKNOWN -> firstUnknown = firstUnknown == null ? r : firstUnknown;
                default -> {
                }
            }
        }
        String error = errors.isEmpty() ? null : GoText.aggregate(errors);
        if (firstError != null && ignore) {
            return new MatchConditionsVerdict(AdmissionOutcome.NOT_CALLED, results, firstError, error);
        }
        if (firstUnknown != null) {
            return new MatchConditionsVerdict(AdmissionOutcome.UNKNOWN, results, firstUnknown, error);
        }
        if (firstError != null) {
            return new MatchConditionsVerdict(AdmissionOutcome.REFUSED, results, firstError, error);
        }
        return new MatchConditionsVerdict(AdmissionOutcome.CALLED, results, null, null);
    }
}
