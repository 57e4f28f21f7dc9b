package io.injectordoctor.injector;

import java.util.List;

/**
 * Stage A for one injection hook: whether the API server would call it for the subject, and why.
 * {@code revision} is the revision the hook serves ({@code default} for the default install);
 * {@code tag} is set for revision-tag configurations.
 */
public record HookEvaluation(String configuration, String name, String revision, String tag, boolean deactivated,
        boolean rulesMatch, SelectorResult namespaceSelector, SelectorResult objectSelector, boolean matched,
        List<String> evidence) {
    public HookEvaluation {
        evidence = List.copyOf(evidence);
    }

    public String qualifiedName() {
        return configuration + "/" + name;
    }
}
