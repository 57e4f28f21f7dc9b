package io.injectordoctor.decision;

import java.util.List;

/**
 * The resources the API server treats as the same object under another group or version (its
 * {@code EquivalentResourceMapper}, filled from the storage each resource shares): a request is
 * matched against them when a hook's matchPolicy is Equivalent. Only what the decision asks
 * about is known: a pod is served by core/v1 alone, so it has no equivalent but itself, and
 * Equivalent and Exact select the same hooks for a pod CREATE. Any other resource is given no
 * equivalent either; callers that know a cluster's mapper pass it to
 * {@link AdmissionRules#invocation(java.util.List, String, AdmissionRequest, java.util.function.Function)}.
 */
final class EquivalentResources {
    private EquivalentResources() {
    }

    static List<AdmissionRequest> of(AdmissionRequest r) {
        return List.of(r);
    }
}
