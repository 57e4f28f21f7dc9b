package io.injectordoctor.remedy.probe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.injectordoctor.cluster.JsonTree;
import io.injectordoctor.mesh.IstioLayout;
import java.io.IOException;
import java.util.HashSet;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Builds the pod sent in the dry run, as JSON: a copy of the existing pod (or of a workload's
 * template) as a client would create it, under a fresh name so that it cannot collide with the
 * original, and without what a previous injection added, so that the webhook sees the pod it saw
 * before. Labels and annotations are kept: the hook's selectors and the injector's policy read them.
 */
public final class ProbePods {
    public static final String STATUS_ANNOTATION = IstioLayout.STATUS_ANNOTATION;
    static final String MARKER = "-idprobe-";
    static final int MAX_NAME = 63;
    // The alphabet the API server uses for generateName suffixes: no vowels, no look-alikes.
    private static final String ALPHABET = "bcdfghjklmnpqrstvwxz2456789";
    // When the status annotation cannot be read, these are the names Istio's injector adds.
    private static final Set<String> ISTIO_CONTAINERS = Set.of(IstioLayout.PROXY_CONTAINER, "istio-init", "istio-validation");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ProbePods() {
    }

    /** A copy of an existing pod, ready to be created again under the fresh name. */
    public static ObjectNode fromPod(JsonNode original, String freshName) {
        ObjectNode pod = original.deepCopy();
        pod.remove("status");
        pod.put("apiVersion", "v1").put("kind", "Pod");
        pod.set("metadata", cleanMeta(pod.path("metadata"), freshName, original.path("metadata").path("namespace").asText(null)));
        ObjectNode spec = pod.has("spec") && pod.get("spec").isObject() ? (ObjectNode) pod.get("spec") : pod.putObject("spec");
        spec.remove("nodeName");
        // The API server refuses ephemeral containers on create; they are added by a subresource only.
        spec.remove("ephemeralContainers");
        stripInjection(pod);
        return pod;
    }

    /** The pod a workload's controller would create from its template, in the namespace given. */
    public static ObjectNode fromTemplate(JsonNode template, String namespace, String freshName) {
        ObjectNode pod = NODES.objectNode();
        pod.put("apiVersion", "v1").put("kind", "Pod");
        pod.set("metadata", cleanMeta(template.path("metadata"), freshName, namespace));
        JsonNode spec = template.path("spec");
        pod.set("spec", spec.isObject() ? spec.deepCopy() : NODES.objectNode());
        stripInjection(pod);
        return pod;
    }

    /** "NAME-idprobe-xxxxx", NAME shortened so that the whole stays within 63 characters. */
    public static String freshName(String base, RandomGenerator random) {
        StringBuilder suffix = new StringBuilder(MARKER);
        for (int i = 0; i < 5; i++) {
            suffix.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        String head = base.length() + suffix.length() > MAX_NAME ? base.substring(0, MAX_NAME - suffix.length()) : base;
        while (head.endsWith("-") || head.endsWith(".")) {
            head = head.substring(0, head.length() - 1);
        }
        return head + suffix;
    }

    private static ObjectNode cleanMeta(JsonNode m, String freshName, String namespace) {
        ObjectNode out = NODES.objectNode();
        out.put("name", freshName);
        if (namespace != null) {
            out.put("namespace", namespace);
        }
        // Everything else (uid, resourceVersion, creationTimestamp, managedFields, ownerReferences,
        // generateName, finalizers, deletion fields) belongs to the original object, not to a new one.
        for (String kept : new String[] {"labels", "annotations"}) {
            if (m.path(kept).isObject()) {
                out.set(kept, m.get(kept).deepCopy());
            }
        }
        return out;
    }

    /** Removes the containers, init containers, volumes and pull secrets a previous injection listed, and its record. */
    static void stripInjection(ObjectNode pod) {
        JsonNode annotations = pod.path("metadata").path("annotations");
        if (!annotations.isObject() || !annotations.has(STATUS_ANNOTATION)) {
            return;
        }
        String status = annotations.get(STATUS_ANNOTATION).asText();
        ((ObjectNode) annotations).remove(STATUS_ANNOTATION);
        JsonNode listed = parse(status);
        JsonNode spec = pod.path("spec");
        if (!spec.isObject()) {
            return;
        }
        Set<String> containers = listed == null ? ISTIO_CONTAINERS : names(listed, "containers");
        Set<String> inits = listed == null ? ISTIO_CONTAINERS : names(listed, "initContainers");
        without((ObjectNode) spec, "containers", containers);
        without((ObjectNode) spec, "initContainers", inits);
        without((ObjectNode) spec, "volumes", names(listed, "volumes"));
        without((ObjectNode) spec, "imagePullSecrets", names(listed, "imagePullSecrets"));
    }

    private static JsonNode parse(String status) {
        try {
            JsonNode n = JsonTree.read(status);
            return n != null && n.isObject() ? n : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static Set<String> names(JsonNode listed, String field) {
        Set<String> out = new HashSet<>();
        if (listed != null) {
            listed.path(field).forEach(n -> out.add(n.asText()));
        }
        return out;
    }

    private static void without(ObjectNode spec, String field, Set<String> names) {
        JsonNode items = spec.get(field);
        if (items == null || !items.isArray() || names.isEmpty()) {
            return;
        }
        ArrayNode kept = NODES.arrayNode();
        items.forEach(i -> {
            if (!names.contains(i.path("name").asText())) {
                kept.add(i);
            }
        });
        spec.set(field, kept);
    }
}
