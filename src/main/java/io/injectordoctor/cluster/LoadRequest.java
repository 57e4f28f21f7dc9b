package io.injectordoctor.cluster;

import java.util.EnumSet;
import java.util.Set;

/**
 * What a command needs read: the kinds, the namespace of namespaced subjects (null = all
 * namespaces), and a single pod by name (null = all pods in scope). The Istio namespace's
 * control-plane objects are always read there, whatever the subject namespace. With
 * {@code controlPlane}, the subjects themselves (pods, deployments) are read only in the
 * control-plane namespaces: the Istio namespace and those of the injection hooks' services.
 * With {@code partialResults}, a kind the API server fails to give (5xx after the retries) is
 * recorded as failed and the load goes on; without it, that failure ends the load.
 */
public record LoadRequest(Set<ResourceKind> kinds, String namespace, String podName, boolean controlPlane,
        boolean partialResults) {
    public LoadRequest {
        kinds = kinds.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(kinds));
    }

    public LoadRequest(Set<ResourceKind> kinds, String namespace, String podName) {
        this(kinds, namespace, podName, false, false);
    }

    public static LoadRequest of(String namespace, String podName, ResourceKind... kinds) {
        return new LoadRequest(kinds.length == 0 ? Set.of() : EnumSet.of(kinds[0], kinds), namespace, podName);
    }

    /** The kinds, read in the control-plane namespaces only: what judging the injector needs. */
    public static LoadRequest controlPlane(Set<ResourceKind> kinds) {
        return new LoadRequest(kinds, null, null, true, false);
    }

    /** The same request, going on past a kind the API server fails to give (check, check-certs, snapshot). */
    public LoadRequest withPartialResults() {
        return new LoadRequest(kinds, namespace, podName, controlPlane, true);
    }

    public boolean wants(ResourceKind k) {
        return kinds.contains(k);
    }
}
