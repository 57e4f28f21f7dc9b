package io.injectordoctor.decision;

import io.injectordoctor.model.LabelSelector;
import java.util.List;
import java.util.Map;

/**
 * The evaluation of one label selector against one label set: the overall outcome and, per term,
 * what the selector asked for and what the labels held. {@code error} is set when the selector is
 * invalid (Kubernetes would refuse to convert it); an invalid selector matches nothing. The terms
 * are worked out only when asked for: a whole-cluster audit needs the outcome of every hook for
 * every pod, but the evidence only of the few it shows. Like the decision it belongs to, it is
 * read by the thread that made it; it takes no locks.
 */
public final class SelectorResult {
    /** One requirement: e.g. {@code istio-injection In [enabled]}, observed {@code istio-injection=enabled}. */
    public record Term(String requirement, boolean satisfied, String observed) {
    }

    private final CompiledSelector compiled;
    private final LabelSelector selector;
    private final Map<String, String> labels;
    private boolean evaluated;
    private boolean matched;
    private String error;
    private int failed;
    private List<Term> terms;

    /** Evaluated when first asked: a hook whose namespaceSelector fails never needs its objectSelector. */
    SelectorResult(CompiledSelector compiled, Map<String, String> labels) {
        this.compiled = compiled;
        this.selector = compiled.source;
        this.labels = labels;
    }

    /** Evaluates now, so that the result can be shared read-only (a namespace's, by all its pods). */
    SelectorResult evaluated() {
        evaluate();
        return this;
    }

    private void evaluate() {
        if (!evaluated) {
            error = compiled.error;
            failed = compiled.failed(labels);
            matched = error == null && failed == 0;
            evaluated = true;
        }
    }

    public boolean matched() {
        evaluate();
        return matched;
    }

    public String error() {
        evaluate();
        return error;
    }

    public boolean valid() {
        return error() == null;
    }

    public List<Term> terms() {
        if (terms == null) {
            terms = SelectorEvaluator.terms(selector, labels);
        }
        return terms;
    }

    /** How many terms fail, without making their evidence. */
    public long failedTerms() {
        evaluate();
        return failed;
    }
}
