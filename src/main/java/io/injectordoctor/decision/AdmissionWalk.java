package io.injectordoctor.decision;

import static io.injectordoctor.decision.Reason.evidence;

import java.util.ArrayList;
import java.util.List;

/**
 * Stage A for one pod, hook after hook in the API server's order, as its mutating dispatcher
 * walks them (k8s.io/apiserver webhook/mutating/dispatcher.go {@code Dispatch}): the first hook
 * that fails the request ends the walk and the CREATE is refused; a hook whose matchConditions
 * cannot be decided here leaves the outcome unknown unless a later hook refuses anyway.
 */
final class AdmissionWalk {
    private final List<HookEvaluation> hooks = new ArrayList<>();
    private final List<HookEvaluation> called = new ArrayList<>();
    private final List<Reason> reasons = new ArrayList<>();
    private AdmissionOutcome outcome = AdmissionOutcome.NOT_CALLED;
    private Refusal refusal;
    private HookEvaluation first;
    private HookEvaluation firstUnknown;

    AdmissionWalk(List<InjectionHook> injectionHooks, InjectionSubject pod, SelectorResult[] namespaceResults,
            RequestUser user) {
        AdmissionInput input = null;
        for (int i = 0; i < injectionHooks.size(); i++) {
            InjectionHook h = injectionHooks.get(i);
            HookEvaluation e = h.evaluate(namespaceResults[i], pod);
            hooks.add(e);
            if (refusal != null) {
                e.notReached();
                continue;
            }
            if (e.awaitsConditions()) {
                input = input == null ? AdmissionInput.podCreate(pod, user) : input;
                e.decideConditions(h.conditions(input));
                conditionReasons(e);
            }
            AdmissionOutcome o = e.outcome();
            if (o != AdmissionOutcome.NOT_CALLED && first == null) {
                first = e;
            }
            switch (o) {
                case CALLED -> called.add(e);
                case UNKNOWN -> firstUnknown = firstUnknown == null ? e : firstUnknown;
                case REFUSED -> refuse(e);
                default -> {
                }
            }
        }
        if (refusal != null) {
            outcome = AdmissionOutcome.REFUSED;
        } else if (firstUnknown != null) {
            outcome = AdmissionOutcome.UNKNOWN;
        } else if (!called.isEmpty()) {
            outcome = AdmissionOutcome.CALLED;
        }
    }

    private void refuse(HookEvaluation e) {
        refusal = e.refusal();
        if (refusal.code() == ReasonCode.SELECTOR_INVALID) {
            String field = refusal.hook().substring(refusal.hook().lastIndexOf(' ') + 1);
            String error = "namespaceSelector".equals(field) ? e.namespaceSelector().error() : e.objectSelector().error();
            reasons.add(Reason.of(ReasonCode.SELECTOR_INVALID, evidence("hook", e.qualifiedName(), "field", field,
                    "error", error, "httpCode", refusal.httpCode(), "message", refusal.message()),
                    e.qualifiedName(), field, error));
        }
    }

    /** The trace of a hook's matchConditions; a refusal by them is traced here too. */
    private void conditionReasons(HookEvaluation e) {
        MatchConditionsVerdict v = e.conditions();
        ConditionResult d = v.decisive();
        switch (v.outcome()) {
            case CALLED -> reasons.add(Reason.lazy(ReasonCode.MATCH_CONDITIONS_TRUE,
                    () -> evidence("conditions", v.results().stream().map(ConditionResult::describe).toList()),
                    e.qualifiedName()));
            case NOT_CALLED -> {
                if (d.kind() == ConditionResult.Kind.FALSE) {
                    reasons.add(Reason.of(ReasonCode.MATCH_CONDITION_FALSE, evidence("condition", d.name(),
                            "expression", d.expression()), e.qualifiedName(), d.name()));
                } else {
                    reasons.add(Reason.of(ReasonCode.MATCH_CONDITION_ERROR_IGNORED, evidence("condition", d.name(),
                            "expression", d.expression(), "error", v.error(), "failurePolicy", "Ignore"),
                            e.qualifiedName(), d.name(), v.error()));
                }
            }
            case REFUSED -> reasons.add(Reason.of(ReasonCode.MATCH_CONDITION_ERROR, evidence("condition", d.name(),
                    "expression", d.expression(), "error", v.error(), "failurePolicy", "Fail"),
                    e.qualifiedName(), d.name(), v.error()));
            case UNKNOWN -> reasons.add(Reason.of(ReasonCode.MATCH_CONDITION_UNKNOWN, evidence("condition", d.name(),
                    "expression", d.expression(), "unknown", d.detail()), e.qualifiedName(), d.name(), d.expression(),
                    d.detail()));
        }
    }

    List<HookEvaluation> hooks() {
        return hooks;
    }

    /** The hooks whose injector is called, when the request is not refused before them. */
    List<HookEvaluation> called() {
        return outcome == AdmissionOutcome.REFUSED ? called.stream().filter(HookEvaluation::reached).toList() : called;
    }

    List<Reason> reasons() {
        return reasons;
    }

    AdmissionOutcome outcome() {
        return outcome;
    }

    Refusal refusal() {
        return refusal;
    }

    /** The first hook that applies to the request (called, refusing or undecided). */
    HookEvaluation first() {
        return first;
    }
}
