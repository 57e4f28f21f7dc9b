package io.injectordoctor.mesh;

import java.util.List;

/**
 * The injector's Stage B rules as they changed between releases (pkg/kube/inject/inject.go,
 * injectRequired). Which set applies is decided by the injector's version.
 */
public enum RuleSet {
    /** Before 1.9: only kube-system and kube-public are ignored; only the annotation is read. */
    ISTIO_PRE_1_9("Istio before 1.9", List.of("kube-system", "kube-public"), false, false),
    /** 1.9 to 1.12: four ignored namespaces; only the annotation is read. */
    ISTIO_1_9_TO_1_12("Istio 1.9 to 1.12", ignoredSince19(), false, false),
    /** 1.13 to 1.26: the label wins over the annotation; values are read leniently, case-insensitively. */
    ISTIO_1_13_TO_1_26("Istio 1.13 to 1.26", ignoredSince19(), true, false),
    /** 1.27 and later: only "true" and "false" count; anything else falls back to the default policy. */
    ISTIO_1_27_PLUS("Istio 1.27 and later", ignoredSince19(), true, true);

    private final String title;
    @SuppressWarnings("ImmutableEnumChecker") // an unmodifiable copy, made in the constructor
    private final List<String> ignoredNamespaces;
    private final boolean labelOverridesAnnotation;
    private final boolean strictValues;

    RuleSet(String title, List<String> ignoredNamespaces, boolean labelOverridesAnnotation, boolean strictValues) {
        this.title = title;
        this.ignoredNamespaces = List.copyOf(ignoredNamespaces);
        this.labelOverridesAnnotation = labelOverridesAnnotation;
        this.strictValues = strictValues;
    }

    private static List<String> ignoredSince19() {
        return List.of("kube-system", "kube-public", "kube-node-lease", "local-path-storage");
    }

    public static RuleSet forVersion(IstioVersion v) {
        if (v == null) {
            return ISTIO_1_27_PLUS;
        }
        if (v.atLeast(1, 27) ) {
            return ISTIO_1_27_PLUS;
        }
        if (v.atLeast(1, 13)) {
            return ISTIO_1_13_TO_1_26;
        }
        if (v.atLeast(1, 9)) {
            return ISTIO_1_9_TO_1_12;
        }
        return ISTIO_PRE_1_9;
    }

    public String title() {
        return title;
    }

    public List<String> ignoredNamespaces() {
        return ignoredNamespaces;
    }

    public boolean labelOverridesAnnotation() {
        return labelOverridesAnnotation;
    }

    public boolean strictValues() {
        return strictValues;
    }

    /** One sentence on how the inject value is read under these rules. */
    public String valueRule() {
        if (strictValues) {
            return "only \"true\" and \"false\" count; any other value falls back to the default policy";
        }
        return "y/yes/true/on (any case) inject; any other non-empty value means do not inject";
    }
}
