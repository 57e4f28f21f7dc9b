package io.injectordoctor.inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the injector configmap ({@code istio-sidecar-injector[-<revision>]} in istiod's namespace)
 * among dumped objects and reads its {@code values} key, the Helm values the template renders with.
 */
public final class InjectorConfigMaps {
    private static final ObjectMapper JSON = new ObjectMapper();

    private InjectorConfigMaps() {
    }

    /** The configmap's name for a revision ("" or "default" is the default revision). */
    public static String name(String revision) {
        return revision == null || revision.isEmpty() || revision.equals("default")
                ? "istio-sidecar-injector" : "istio-sidecar-injector-" + revision;
    }

    /** The configmap among {@code objects}, looking inside {@code kind: List} dumps too. */
    public static Optional<ObjectNode> find(List<ObjectNode> objects, String namespace, String revision) {
        String wanted = name(revision);
        for (ObjectNode o : flatten(objects)) {
            JsonNode meta = o.path("metadata");
            if (o.path("kind").asText().equals("ConfigMap") && meta.path("name").asText().equals(wanted)
                    && meta.path("namespace").asText().equals(namespace)) {
                return Optional.of(o);
            }
        }
        return Optional.empty();
    }

    /**
     * The parsed {@code values} JSON of the configmap.
     *
     * @throws IllegalArgumentException when the key is missing or not a JSON object
     */
    public static JsonNode values(ObjectNode configMap) {
        JsonNode raw = configMap.path("data").path("values");
        if (!raw.isTextual()) {
            throw new IllegalArgumentException("has no 'values' key (Istio before 1.2 did not write one)");
        }
        return parseValues(raw.asText());
    }

    /** Parses a {@code values} string; the message never quotes the input. */
    public static JsonNode parseValues(String raw) {
        try {
            JsonNode v = JSON.readTree(raw);
            if (v == null || !v.isObject()) {
                throw new IllegalArgumentException("its 'values' key is not a JSON object");
            }
            return v;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("its 'values' key is not valid JSON (line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")");
        }
    }

    static List<ObjectNode> flatten(List<ObjectNode> objects) {
        List<ObjectNode> out = new ArrayList<>();
        for (ObjectNode o : objects) {
            if (o.path("kind").asText().equals("List") && o.path("items").isArray()) {
                for (JsonNode item : o.path("items")) {
                    if (item instanceof ObjectNode on) {
                        out.add(on);
                    }
                }
            } else {
                out.add(o);
            }
        }
        return out;
    }
}
