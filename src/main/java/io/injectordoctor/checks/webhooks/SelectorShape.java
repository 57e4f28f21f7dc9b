package io.injectordoctor.checks.webhooks;

import io.injectordoctor.model.LabelSelector;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The shape of a selector, read without evaluating it: "opt-in" when an object must carry a label
 * to be selected (matchLabels, In, Exists), "opt-out" when only the absence or another value of a
 * label is required (NotIn, DoesNotExist), "all" when the selector is absent or empty.
 */
enum SelectorShape {
    ALL, OPT_IN, OPT_OUT;

    static SelectorShape of(LabelSelector s) {
        if (s == null || s.isEmpty()) {
            return ALL;
        }
        if (!s.matchLabels().isEmpty()) {
            return OPT_IN;
        }
        boolean in = s.matchExpressions().stream().anyMatch(r -> "In".equals(r.operator()) || "Exists".equals(r.operator()));
        return in ? OPT_IN : OPT_OUT;
    }

    /** "istio-injection=enabled, istio.io/rev DoesNotExist, sidecar.istio.io/inject NotIn (false)". */
    static String describe(LabelSelector s) {
        if (s == null || s.isEmpty()) {
            return "(none)";
        }
        List<String> terms = new ArrayList<>();
        for (Map.Entry<String, String> e : new java.util.TreeMap<>(s.matchLabels()).entrySet()) {
            terms.add(e.getKey() + "=" + e.getValue());
        }
        for (LabelSelector.Requirement r : s.matchExpressions()) {
            terms.add(r.key() + " " + r.operator() + (r.values().isEmpty() ? "" : " (" + String.join(", ", r.values()) + ")"));
        }
        return String.join(", ", terms);
    }

    String phrase(String what) {
        return switch (this) {
            case ALL -> "every " + what;
            case OPT_IN -> what + "s that opt in";
            case OPT_OUT -> what + "s unless they opt out";
        };
    }
}
