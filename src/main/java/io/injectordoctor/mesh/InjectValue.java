package io.injectordoctor.mesh;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * How the injector reads {@code sidecar.istio.io/inject} from a pod, version by version
 * (pkg/kube/inject/inject.go, injectRequired): which of label and annotation counts, and what its
 * value means. The decision and the checks both read it here.
 *
 * @param fromLabel whether the value read is the label's (else the annotation's, or none)
 * @param value     the value read; empty when neither is set
 * @param meaning   what the injector makes of it
 */
public record InjectValue(boolean fromLabel, String value, Meaning meaning) {
    /** What a value means to the injector. */
    public enum Meaning {
        /** Absent (or empty): the selectors and the default policy decide. */
        ABSENT,
        /** Forces injection. */
        TRUE,
        /** Forbids injection. */
        FALSE,
        /** Not understood, and ignored: the default policy decides (1.27 and later). */
        IGNORED,
        /** Not understood, and read as "do not inject" (before 1.27). */
        UNKNOWN_MEANS_FALSE
    }

    private static final Set<String> LENIENT_TRUE = Set.of("y", "yes", "true", "on");
    private static final Set<String> LENIENT_FALSE = Set.of("false", "n", "no", "off");

    /**
     * The value the injector reads: since 1.13 a present label (even empty) wins over the
     * annotation; before, only the annotation is read.
     */
    public static InjectValue read(Map<String, String> labels, Map<String, String> annotations, RuleSet rules) {
        String annotation = annotations.get(IstioLayout.INJECT);
        boolean fromLabel = rules.labelOverridesAnnotation() && labels.containsKey(IstioLayout.INJECT);
        String v = fromLabel ? labels.get(IstioLayout.INJECT) : annotation;
        String value = v == null ? "" : v;
        return new InjectValue(fromLabel, value, meaning(value, rules));
    }

    /** What a value means under these rules. */
    public static Meaning meaning(String value, RuleSet rules) {
        if (value == null || value.isEmpty()) {
            return Meaning.ABSENT;
        }
        if (rules.strictValues()) {
            return switch (value) {
                case "true" -> Meaning.TRUE;
                case "false" -> Meaning.FALSE;
                default -> Meaning.IGNORED;
            };
        }
        String lower = value.toLowerCase(Locale.ROOT);
        if (LENIENT_TRUE.contains(lower)) {
            return Meaning.TRUE;
        }
        return LENIENT_FALSE.contains(lower) ? Meaning.FALSE : Meaning.UNKNOWN_MEANS_FALSE;
    }

    /** The value with which an object's label wins over its annotation: how a pod template is read today. */
    public static String effective(Map<String, String> labels, Map<String, String> annotations) {
        return labels.containsKey(IstioLayout.INJECT) ? labels.get(IstioLayout.INJECT) : annotations.get(IstioLayout.INJECT);
    }

    /** True when the value is a recognised "true" or "false" under every version's rules. */
    public static boolean canonical(String value) {
        return "true".equals(value) || "false".equals(value);
    }

    public boolean explicit() {
        return meaning == Meaning.TRUE || meaning == Meaning.FALSE || meaning == Meaning.UNKNOWN_MEANS_FALSE;
    }
}
