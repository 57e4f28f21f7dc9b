package io.injectordoctor.decision;

import io.injectordoctor.mesh.IstioLayout;
import java.util.ArrayList;
import java.util.List;

/**
 * Stage A for one injection hook: what the API server does at this hook for the subject, and why,
 * in the order of k8s.io/apiserver webhook/generic/webhook.go {@code ShouldCallHook}: a selector
 * that does not match (and converts) skips the hook; then rules that do not apply skip it; then a
 * selector that does not convert fails the request (500); then the matchConditions decide.
 * {@code revision} is the revision the hook serves ({@code default} for the default install);
 * {@code tag} is set for revision-tag configurations. The evidence lines are made when asked for.
 */
public final class HookEvaluation {
    private final String configuration;
    private final String name;
    private final String qualifiedName;
    private final String revision;
    private final String tag;
    private final boolean deactivated;
    private final boolean rulesMatch;
    private final int conditionCount;
    private final SelectorResult namespaceSelector;
    private final CompiledSelector objectCompiled;
    private final java.util.Map<String, String> podLabels;
    private final String podName;
    private SelectorResult objectSelector;
    private MatchConditionsVerdict conditions;
    private boolean reached = true;
    private AdmissionOutcome outcome;
    private List<String> evidence;

    HookEvaluation(String configuration, String name, String qualifiedName, String revision, String tag, boolean deactivated,
            boolean rulesMatch, int conditionCount, SelectorResult namespaceSelector, CompiledSelector objectSelector,
            java.util.Map<String, String> podLabels, String podName) {
        this.configuration = configuration;
        this.name = name;
        this.qualifiedName = qualifiedName;
        this.revision = revision;
        this.tag = tag;
        this.deactivated = deactivated;
        this.rulesMatch = rulesMatch;
        this.conditionCount = conditionCount;
        this.namespaceSelector = namespaceSelector;
        this.objectCompiled = objectSelector;
        this.podLabels = podLabels;
        this.podName = podName;
    }

    public String configuration() {
        return configuration;
    }

    public String name() {
        return name;
    }

    public String revision() {
        return revision;
    }

    public String tag() {
        return tag;
    }

    public boolean deactivated() {
        return deactivated;
    }

    public boolean rulesMatch() {
        return rulesMatch;
    }

    /** Shared by every pod of the namespace: see {@link ReferenceInjector#prepare}. */
    public SelectorResult namespaceSelector() {
        return namespaceSelector;
    }

    public SelectorResult objectSelector() {
        if (objectSelector == null) {
            objectSelector = new SelectorResult(objectCompiled, podLabels);
        }
        return objectSelector;
    }

    public String qualifiedName() {
        return qualifiedName;
    }

    /**
     * Selectors and rules alone. A selector excludes the request only when it converts and does
     * not match; one that does not convert fails the request once the rules apply and the other
     * selector does not exclude it. NOT_CALLED, REFUSED, or CALLED pending the matchConditions.
     */
    AdmissionOutcome selectorsAndRules() {
        SelectorResult ns = namespaceSelector();
        if (ns.valid() && !ns.matched()) {
            return AdmissionOutcome.NOT_CALLED;
        }
        SelectorResult obj = objectSelector();
        if (obj.valid() && !obj.matched()) {
            return AdmissionOutcome.NOT_CALLED;
        }
        if (!rulesMatch) {
            return AdmissionOutcome.NOT_CALLED;
        }
        return ns.valid() && obj.valid() ? AdmissionOutcome.CALLED : AdmissionOutcome.REFUSED;
    }

    /** Whether the matchConditions are what remains to decide. */
    boolean awaitsConditions() {
        return conditionCount > 0 && conditions == null && selectorsAndRules() == AdmissionOutcome.CALLED;
    }

    void decideConditions(MatchConditionsVerdict verdict) {
        this.conditions = verdict;
        this.outcome = null;
    }

    /** The API server stopped at an earlier hook that refused the request. */
    void notReached() {
        this.reached = false;
        this.evidence = null;
    }

    public boolean reached() {
        return reached;
    }

    /** What the API server does at this hook; a hook with matchConditions not yet evaluated is UNKNOWN. */
    public AdmissionOutcome outcome() {
        if (outcome == null) {
            AdmissionOutcome a = selectorsAndRules();
            outcome = a != AdmissionOutcome.CALLED || conditionCount == 0 ? a
                    : conditions == null ? AdmissionOutcome.UNKNOWN : conditions.outcome();
        }
        return outcome;
    }

    /** The API server calls this hook's injector for the subject. */
    public boolean matched() {
        return reached && outcome() == AdmissionOutcome.CALLED;
    }

    /** true called, false not called or refused, null unknown. */
    public Boolean calledOrUnknown() {
        AdmissionOutcome o = outcome();
        return (reached && o == AdmissionOutcome.UNKNOWN) ? null : matched();
    }

    /** The matchConditions' verdict; null when they were not evaluated (none, or the hook was settled before). */
    public MatchConditionsVerdict conditions() {
        return conditions;
    }

    /** The API server's answer when it refuses the request at this hook; null otherwise. */
    public Refusal refusal() {
        if (outcome() != AdmissionOutcome.REFUSED) {
            return null;
        }
        if (selectorsAndRules() == AdmissionOutcome.REFUSED) {
            // ShouldCallHook returns the namespace selector's error before the object selector's.
            String field = namespaceSelector().valid() ? "objectSelector" : "namespaceSelector";
            String err = namespaceSelector().valid() ? objectSelector().error() : namespaceSelector().error();
            return Refusal.internalError(ReasonCode.SELECTOR_INVALID, qualifiedName + " " + field, err);
        }
        return Refusal.forbidden(ReasonCode.MATCH_CONDITION_ERROR, qualifiedName, podName, conditions.error());
    }

    /** One line per rule, selector term and condition: what the hook asked for and what the request held. */
    public List<String> evidence() {
        if (evidence == null) {
            List<String> e = new ArrayList<>();
            if (!reached) {
                e.add("not reached: the API server refused the request at an earlier hook");
            }
            if (deactivated) {
                e.add("deactivated: its selectors require " + IstioLayout.DEACTIVATED_KEY
                        + "=never-match, which nothing carries (a revision tag took over the default)");
            }
            if (!rulesMatch) {
                e.add("rules do not cover CREATE of v1 pods");
            }
            add(e, "namespaceSelector", namespaceSelector());
            add(e, "objectSelector", objectSelector());
            if (conditions != null) {
                conditions.results().forEach(c -> e.add(c.describe()));
            } else if (conditionCount > 0 && reached) {
                e.add(conditionCount + " matchCondition" + (conditionCount == 1 ? "" : "s")
                        + " not evaluated: the selectors or rules settled the hook first");
            }
            Refusal r = refusal();
            if (r != null) {
                e.add("the API server refuses the CREATE (HTTP " + r.httpCode() + "): " + r.message());
            }
            evidence = List.copyOf(e);
        }
        return evidence;
    }

    private static void add(List<String> evidence, String field, SelectorResult r) {
        if (r.error() != null && r.terms().isEmpty()) {
            evidence.add(field + " is invalid: " + r.error());
            return;
        }
        if (r.terms().isEmpty()) {
            evidence.add(field + " is empty: matches everything");
            return;
        }
        for (SelectorResult.Term t : r.terms()) {
            evidence.add(field + " " + t.requirement() + ": " + (t.satisfied() ? "yes" : "no") + " (" + t.observed() + ")");
        }
    }
}
