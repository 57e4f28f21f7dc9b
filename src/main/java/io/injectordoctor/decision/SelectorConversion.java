package io.injectordoctor.decision;

import io.injectordoctor.model.LabelSelector;
import io.injectordoctor.model.LabelSelector.Requirement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Whether the API server can turn a hook's selector into a label selector when a request reaches
 * the hook, and the exact error it gets when it cannot (apimachinery pkg/apis/meta/v1/helpers.go
 * {@code LabelSelectorAsSelector}, pkg/labels/selector.go {@code NewRequirement},
 * {@code validateLabelKey} and {@code validateLabelValue}). matchLabels are converted before
 * matchExpressions, and the first term that fails gives the error, with every problem of that
 * term. Go visits matchLabels in no fixed order; with more than one bad key, the API server may
 * name another one than the first in key order, which is the one named here.
 */
public final class SelectorConversion {
    private SelectorConversion() {
    }

    /** The conversion error, or null when the selector converts (an absent or empty one always does). */
    public static String error(LabelSelector s) {
        if (s == null) {
            return null;
        }
        for (Map.Entry<String, String> e : new TreeMap<>(s.matchLabels()).entrySet()) {
            String err = labelError(e.getKey(), e.getValue());
            if (err != null) {
                return err;
            }
        }
        for (Requirement r : s.matchExpressions()) {
            String err = termError(r);
            if (err != null) {
                return err;
            }
        }
        return null;
    }

    /** The error of one matchLabels entry, or null. */
    static String labelError(String key, String value) {
        return requirementError(key, "=", List.of(value));
    }

    /**
     * The error of one matchExpressions term, or null. An unknown operator fails before the term is
     * built (helpers.go: {@code fmt.Errorf("%q is not a valid label selector operator", ...)}).
     */
    static String termError(Requirement r) {
        String op = r.operator();
        if (!"In".equals(op) && !"NotIn".equals(op) && !"Exists".equals(op) && !"DoesNotExist".equals(op)) {
            return GoText.quote(op == null ? "" : op) + " is not a valid label selector operator";
        }
        return requirementError(r.key() == null ? "" : r.key(), op, r.values());
    }

    /** selector.go {@code NewRequirement}: every problem of one term, aggregated as a field.ErrorList. */
    static String requirementError(String key, String op, List<String> values) {
        List<String> errs = new ArrayList<>();
        List<String> keyProblems = LabelSyntax.labelKeyProblems(key);
        if (!keyProblems.isEmpty()) {
            errs.add("key: Invalid value: " + GoText.quote(key) + ": " + String.join("; ", keyProblems));
        }
        switch (op) {
            case "In", "NotIn" -> {
                if (values.isEmpty()) {
                    errs.add("values: Invalid value: null: for 'in', 'notin' operators, values set can't be empty");
                }
            }
            case "Exists", "DoesNotExist" -> {
                if (!values.isEmpty()) {
                    errs.add("values: Invalid value: " + GoText.json(values)
                            + ": values set must be empty for exists and does not exist");
                }
            }
            default -> {
                // "=" from matchLabels: always exactly one value.
            }
        }
        for (int i = 0; i < values.size(); i++) {
            List<String> valueProblems = LabelSyntax.labelValueProblems(values.get(i));
            if (!valueProblems.isEmpty()) {
                errs.add("values[" + i + "][" + key + "]: Invalid value: " + GoText.quote(values.get(i)) + ": "
                        + String.join("; ", valueProblems));
            }
        }
        return errs.isEmpty() ? null : GoText.aggregate(errs);
    }
}
