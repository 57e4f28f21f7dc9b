package io.injectordoctor.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The metadata of any object, reduced to what a diagnosis reads. Maps and lists are never null. */
public record ObjectMeta(String namespace, String name, Map<String, String> labels,
        Map<String, String> annotations, String uid, Instant creationTimestamp, List<OwnerRef> owners,
        Long generation) {
    public ObjectMeta {
        labels = labels == null ? Map.of() : Map.copyOf(labels);
        annotations = annotations == null ? Map.of() : Map.copyOf(annotations);
        owners = owners == null ? List.of() : List.copyOf(owners);
    }

    public static ObjectMeta of(String namespace, String name) {
        return new ObjectMeta(namespace, name, Map.of(), Map.of(), null, null, List.of(), null);
    }

    public ObjectMeta withLabels(Map<String, String> newLabels) {
        return new ObjectMeta(namespace, name, newLabels, annotations, uid, creationTimestamp, owners, generation);
    }

    public ObjectMeta withAnnotations(Map<String, String> newAnnotations) {
        return new ObjectMeta(namespace, name, labels, newAnnotations, uid, creationTimestamp, owners, generation);
    }

    /** "ns/name", or "name" for cluster-scoped objects. */
    public String qualifiedName() {
        return namespace == null || namespace.isEmpty() ? name : namespace + "/" + name;
    }
}
