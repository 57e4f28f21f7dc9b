package io.injectordoctor.decision;

import io.injectordoctor.model.LabelSelector;
import io.injectordoctor.model.LabelSelector.Requirement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Evaluates a LabelSelector exactly as Kubernetes does (apimachinery LabelSelectorAsSelector).
 * We never rely on an API server for this: the mock server used in tests, for one, gets
 * {@code in}/{@code notin} wrong.
 */
public final class SelectorEvaluator {
    private SelectorEvaluator() {
    }

    /**
     * A null selector stands for an absent webhook selector field, which the API server defaults
     * to {@code {}}: it matches everything, like an empty selector.
     */
    public static SelectorResult evaluate(LabelSelector selector, Map<String, String> labels) {
        return new SelectorResult(new CompiledSelector(selector), labels);
    }

    /** The evidence of an evaluation, term by term, in the order of the selector. */
    static List<SelectorResult.Term> terms(LabelSelector selector, Map<String, String> labels) {
        List<SelectorResult.Term> terms = new ArrayList<>();
        if (selector == null) {
            return terms;
        }
        for (Map.Entry<String, String> e : new java.util.TreeMap<>(selector.matchLabels()).entrySet()) {
            String problem = SelectorConversion.labelError(e.getKey(), e.getValue());
            boolean ok = problem == null && e.getValue().equals(labels.get(e.getKey()));
            terms.add(new SelectorResult.Term(e.getKey() + "=" + e.getValue(), ok,
                    problem != null ? "invalid: " + problem : observed(e.getKey(), labels)));
        }
        for (Requirement r : selector.matchExpressions()) {
            String problem = SelectorConversion.termError(r);
            if (problem != null) {
                terms.add(new SelectorResult.Term(describe(r), false, "invalid: " + problem));
            } else {
                terms.add(new SelectorResult.Term(describe(r), satisfies(r, labels), observed(r.key(), labels)));
            }
        }
        return List.copyOf(terms);
    }

    static boolean satisfies(Requirement r, Map<String, String> labels) {
        boolean present = labels.containsKey(r.key());
        String value = labels.get(r.key());
        return switch (r.operator()) {
            case "In" -> present && r.values().contains(value);
            // NotIn matches an absent key: this is why "sidecar.istio.io/inject NotIn [false]" selects unlabelled pods.
            case "NotIn" -> !present || !r.values().contains(value);
            case "Exists" -> present;
            // DoesNotExist fails on a present key even when its value is empty.
            case "DoesNotExist" -> !present;
            default -> false;
        };
    }

    public static String describe(Requirement r) {
        return switch (r.operator() == null ? "" : r.operator()) {
            case "Exists", "DoesNotExist" -> r.key() + " " + r.operator();
            default -> r.key() + " " + r.operator() + " " + r.values();
        };
    }

    /** A short, quoted account of what the labels hold for a key. */
    static String observed(String key, Map<String, String> labels) {
        return labels.containsKey(key) ? key + "=" + quote(labels.get(key)) : "no " + key + " label";
    }

    static String quote(String v) {
        return v.isEmpty() || v.chars().anyMatch(Character::isWhitespace) ? "\"" + v + "\"" : v;
    }

    /** A selector as text, for evidence: {@code {istio-injection=enabled, istio.io/rev DoesNotExist}}. */
    public static String describe(LabelSelector s) {
        if (s == null) {
            return "{} (absent: matches everything)";
        }
        List<String> parts = new ArrayList<>();
        new java.util.TreeMap<>(s.matchLabels()).forEach((k, v) -> parts.add(k + "=" + v));
        s.matchExpressions().forEach(r -> parts.add(describe(r)));
        return "{" + String.join(", ", parts) + "}";
    }
}
