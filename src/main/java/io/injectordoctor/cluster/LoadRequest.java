package io.injectordoctor.cluster;

import java.util.EnumSet;
import java.util.Set;

/**
 * What a command needs read: the kinds, the namespace of namespaced subjects (null = all
 * namespaces), and a single pod by name (null = all pods in scope). The Istio namespace's
 * control-plane objects are always read there, whatever the subject namespace.
 */
public record LoadRequest(Set<ResourceKind> kinds, String namespace, String podName) {
    public LoadRequest {
        kinds = kinds.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(kinds));
    }

    public static LoadRequest of(String namespace, String podName, ResourceKind... kinds) {
        return new LoadRequest(kinds.length == 0 ? Set.of() : EnumSet.of(kinds[0], kinds), namespace, podName);
    }

    public boolean wants(ResourceKind k) {
        return kinds.contains(k);
    }
}
