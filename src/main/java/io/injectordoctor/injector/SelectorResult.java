package io.injectordoctor.injector;

import java.util.List;

/**
 * The evaluation of one label selector against one label set: the overall outcome and, per term,
 * what the selector asked for and what the labels held. {@code error} is set when the selector is
 * invalid (Kubernetes would refuse to convert it); an invalid selector matches nothing.
 */
public record SelectorResult(boolean matched, List<Term> terms, String error) {
    public SelectorResult {
        terms = List.copyOf(terms);
    }

    /** One requirement: e.g. {@code istio-injection In [enabled]}, observed {@code istio-injection=enabled}. */
    public record Term(String requirement, boolean satisfied, String observed) {
    }

    public boolean valid() {
        return error == null;
    }

    public long failedTerms() {
        return terms.stream().filter(t -> !t.satisfied()).count();
    }
}
