package io.injectordoctor.decision;

import io.injectordoctor.model.LabelSelector;
import io.injectordoctor.model.LabelSelector.Requirement;
import java.util.List;
import java.util.Map;

/**
 * A label selector prepared once for evaluating against many label sets: operators resolved,
 * validity known. The reference injector keeps one per hook selector, since it evaluates every
 * hook for every pod of a cluster. {@code error} is the API server's error for a selector it
 * cannot convert ({@link SelectorConversion}), or, for a hook read from a file, the field's shape.
 */
final class CompiledSelector {
    private enum Op { EQUALS, IN, NOT_IN, EXISTS, DOES_NOT_EXIST, INVALID }

    final LabelSelector source;
    final String error;
    private final String[] keys;
    private final Op[] ops;
    private final String[] single;
    private final List<?>[] values;

    CompiledSelector(LabelSelector selector) {
        this(selector, null);
    }

    /** @param malformed why the field cannot be a selector at all, or null */
    CompiledSelector(LabelSelector selector, String malformed) {
        this.source = selector;
        int n = selector == null ? 0 : selector.matchLabels().size() + selector.matchExpressions().size();
        keys = new String[n];
        ops = new Op[n];
        single = new String[n];
        values = new List<?>[n];
        int i = 0;
        if (selector != null) {
            for (Map.Entry<String, String> e : selector.matchLabels().entrySet()) {
                keys[i] = e.getKey();
                single[i] = e.getValue();
                ops[i++] = SelectorConversion.labelError(e.getKey(), e.getValue()) == null ? Op.EQUALS : Op.INVALID;
            }
            for (Requirement r : selector.matchExpressions()) {
                keys[i] = r.key();
                values[i] = r.values();
                if (SelectorConversion.termError(r) != null) {
                    ops[i++] = Op.INVALID;
                    continue;
                }
                ops[i++] = switch (r.operator()) {
                    case "In" -> Op.IN;
                    case "NotIn" -> Op.NOT_IN;
                    case "Exists" -> Op.EXISTS;
                    default -> Op.DOES_NOT_EXIST;
                };
            }
        }
        this.error = malformed != null ? malformed : SelectorConversion.error(selector);
    }

    /** How many terms the labels fail (an invalid term always fails). */
    int failed(Map<String, String> labels) {
        int failed = 0;
        for (int i = 0; i < keys.length; i++) {
            String value = labels.get(keys[i]);
            boolean ok = switch (ops[i]) {
                case EQUALS -> single[i].equals(value);
                case IN -> value != null && values[i].contains(value);
                // NotIn and DoesNotExist also hold for an absent key; a present empty value is present.
                case NOT_IN -> value == null ? !labels.containsKey(keys[i]) || !values[i].contains(null)
                        : !values[i].contains(value);
                case EXISTS -> value != null || labels.containsKey(keys[i]);
                case DOES_NOT_EXIST -> value == null && !labels.containsKey(keys[i]);
                case INVALID -> false;
            };
            failed += ok ? 0 : 1;
        }
        return failed;
    }
}
