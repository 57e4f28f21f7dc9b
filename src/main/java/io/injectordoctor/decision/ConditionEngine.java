package io.injectordoctor.decision;

import io.injectordoctor.model.Webhook;
import java.util.List;

/**
 * What the decision needs of a CEL implementation: compile a hook's matchConditions once, then
 * evaluate them for each request. The implementation ({@code decision.cel}) is loaded only by
 * {@link ConditionEngines}, the first time a hook with matchConditions has to be decided.
 */
public interface ConditionEngine {
    /** Compiles once; a condition that does not compile yields an error result each time it is evaluated. */
    Compiled compile(List<Webhook.MatchCondition> conditions);

    /**
     * Why the API server would not compile this expression as a matchCondition ("compilation
     * failed: ...", "must evaluate to bool but got ..."), or null when it compiles.
     */
    String compileProblem(String expression);

    /** A hook's compiled conditions; evaluating them never throws. */
    interface Compiled {
        /** One result per condition, in their order. */
        List<ConditionResult> evaluate(AdmissionInput input);
    }
}
