package io.injectordoctor.mutation;

import io.injectordoctor.mesh.IstioLayout;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code sidecar.istio.io/status} annotation: what the injector added, so that a re-injection
 * can take it out first. Written like Istio's {@code getInjectionStatus}: fixed key order, and
 * {@code null} for an empty list (Go's encoding of a nil slice).
 */
public record InjectionStatus(List<String> initContainers, List<String> containers, List<String> volumes,
        List<String> imagePullSecrets, String revision) {
    public static final String ANNOTATION = IstioLayout.STATUS_ANNOTATION;
    private static final ObjectMapper JSON = new ObjectMapper();

    public InjectionStatus {
        initContainers = List.copyOf(initContainers);
        containers = List.copyOf(containers);
        volumes = List.copyOf(volumes);
        imagePullSecrets = List.copyOf(imagePullSecrets);
    }

    /** The status in the pod's annotations; empty when absent or not parseable (Istio then strips nothing). */
    public static Optional<InjectionStatus> read(JsonNode metadata) {
        JsonNode raw = metadata.path("annotations").path(ANNOTATION);
        if (!raw.isTextual()) {
            return Optional.empty();
        }
        try {
            JsonNode n = JSON.readTree(raw.asText());
            if (!n.isObject()) {
                return Optional.empty();
            }
            return Optional.of(new InjectionStatus(names(n.path("initContainers")), names(n.path("containers")),
                    names(n.path("volumes")), names(n.path("imagePullSecrets")), n.path("revision").asText("")));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    public String toJson() {
        ObjectNode o = JSON.createObjectNode();
        putList(o, "initContainers", initContainers);
        putList(o, "containers", containers);
        putList(o, "volumes", volumes);
        putList(o, "imagePullSecrets", imagePullSecrets);
        o.put("revision", revision);
        return o.toString();
    }

    private static void putList(ObjectNode o, String key, List<String> values) {
        if (values.isEmpty()) {
            o.putNull(key);
        } else {
            ArrayNode a = o.putArray(key);
            values.forEach(a::add);
        }
    }

    private static List<String> names(JsonNode n) {
        List<String> out = new ArrayList<>();
        if (n.isArray()) {
            n.forEach(x -> {
                if (x.isTextual()) {
                    out.add(x.asText());
                }
            });
        }
        return out;
    }
}
