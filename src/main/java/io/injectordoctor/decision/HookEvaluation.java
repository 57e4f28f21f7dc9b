package io.injectordoctor.decision;

import io.injectordoctor.mesh.IstioLayout;
import java.util.ArrayList;
import java.util.List;

/**
 * Stage A for one injection hook: whether the API server would call it for the subject, and why.
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
    private final SelectorResult namespaceSelector;
    private final CompiledSelector objectCompiled;
    private final java.util.Map<String, String> podLabels;
    private SelectorResult objectSelector;
    private List<String> evidence;

    HookEvaluation(String configuration, String name, String qualifiedName, String revision, String tag, boolean deactivated,
            boolean rulesMatch, SelectorResult namespaceSelector, CompiledSelector objectSelector,
            java.util.Map<String, String> podLabels) {
        this.configuration = configuration;
        this.name = name;
        this.qualifiedName = qualifiedName;
        this.revision = revision;
        this.tag = tag;
        this.deactivated = deactivated;
        this.rulesMatch = rulesMatch;
        this.namespaceSelector = namespaceSelector;
        this.objectCompiled = objectSelector;
        this.podLabels = podLabels;
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

    /** In the API server's order; a failed namespaceSelector leaves the objectSelector unevaluated. */
    public boolean matched() {
        return rulesMatch && namespaceSelector().matched() && objectSelector().matched();
    }

    public String qualifiedName() {
        return qualifiedName;
    }

    /** One line per rule and selector term: what the hook asked for and what the objects held. */
    public List<String> evidence() {
        if (evidence == null) {
            List<String> e = new ArrayList<>();
            if (deactivated) {
                e.add("deactivated: its selectors require " + IstioLayout.DEACTIVATED_KEY
                        + "=never-match, which nothing carries (a revision tag took over the default)");
            }
            if (!rulesMatch) {
                e.add("rules do not cover CREATE of v1 pods");
            }
            add(e, "namespaceSelector", namespaceSelector());
            add(e, "objectSelector", objectSelector());
            evidence = List.copyOf(e);
        }
        return evidence;
    }

    private static void add(List<String> evidence, String field, SelectorResult r) {
        if (r.terms().isEmpty()) {
            evidence.add(field + " is empty: matches everything");
            return;
        }
        for (SelectorResult.Term t : r.terms()) {
            evidence.add(field + " " + t.requirement() + ": " + (t.satisfied() ? "yes" : "no") + " (" + t.observed() + ")");
        }
    }
}
