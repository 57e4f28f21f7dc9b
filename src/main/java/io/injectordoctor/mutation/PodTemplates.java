package io.injectordoctor.mutation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Finds the pod metadata and spec inside a Pod or a pod-template owner. */
public final class PodTemplates {
    private static final Set<String> TEMPLATE_OWNERS = Set.of(
            "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job", "ReplicationController");

    /** The kinds {@link #find} understands, for messages. */
    public static final List<String> KINDS = List.of("Pod", "Deployment", "StatefulSet", "DaemonSet",
            "ReplicaSet", "Job", "CronJob", "ReplicationController");

    private PodTemplates() {
    }

    /**
     * The pod part of {@code object}: the object itself for a Pod, {@code spec.template} for the
     * template owners, {@code spec.jobTemplate.spec.template} for a CronJob. Empty for other kinds or
     * when the object has no pod spec. A missing template metadata is created, so the caller can
     * annotate it.
     */
    public static Optional<PodTarget> find(ObjectNode object) {
        String kind = object.path("kind").asText("");
        JsonNode pod;
        if (kind.equals("Pod")) {
            pod = object;
        } else if (TEMPLATE_OWNERS.contains(kind)) {
            pod = object.path("spec").path("template");
        } else if (kind.equals("CronJob")) {
            pod = object.path("spec").path("jobTemplate").path("spec").path("template");
        } else {
            return Optional.empty();
        }
        if (!pod.isObject() || !pod.path("spec").isObject()) {
            return Optional.empty();
        }
        ObjectNode podNode = (ObjectNode) pod;
        if (!podNode.path("metadata").isObject()) {
            podNode.putObject("metadata");
        }
        return Optional.of(new PodTarget(object, (ObjectNode) podNode.get("metadata"), (ObjectNode) podNode.get("spec")));
    }

    /** A short name of the object for messages: {@code Kind/namespace/name}. */
    public static String describe(JsonNode object) {
        String kind = object.path("kind").asText("");
        String name = object.path("metadata").path("name").asText("");
        if (name.isEmpty()) {
            name = object.path("metadata").path("generateName").asText("");
        }
        String ns = object.path("metadata").path("namespace").asText("");
        return (kind.isEmpty() ? "object" : kind) + "/" + (ns.isEmpty() ? "" : ns + "/") + (name.isEmpty() ? "<unnamed>" : name);
    }

    /** The owning object and the pod metadata and spec inside it (the same nodes, not copies). */
    public record PodTarget(ObjectNode owner, ObjectNode metadata, ObjectNode spec) {
        public String kind() {
            return owner.path("kind").asText();
        }

        public boolean isPod() {
            return kind().equals("Pod");
        }
    }
}
