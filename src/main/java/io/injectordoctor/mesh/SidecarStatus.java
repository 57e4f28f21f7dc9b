package io.injectordoctor.mesh;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the injector recorded on a pod it injected, read from {@code sidecar.istio.io/status}
 * (pkg/kube/inject/inject.go {@code SidecarInjectionStatus}; written by webhook.go
 * {@code getInjectionStatus}). {@code revision} is the revision of the istiod that injected the pod,
 * never a tag name, and {@code default} for the default revision.
 */
public record SidecarStatus(List<String> initContainers, List<String> containers, String revision) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public SidecarStatus {
        initContainers = List.copyOf(initContainers);
        containers = List.copyOf(containers);
    }

    /** The status of a pod's annotations; empty when absent or not JSON (istiod then reads none either). */
    public static Optional<SidecarStatus> of(Map<String, String> annotations) {
        return parse(annotations.get(IstioLayout.STATUS_ANNOTATION));
    }

    public static Optional<SidecarStatus> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            JsonNode n = JSON.readTree(text);
            if (n == null || !n.isObject()) {
                return Optional.empty();
            }
            JsonNode rev = n.get("revision");
            return Optional.of(new SidecarStatus(names(n.get("initContainers")), names(n.get("containers")),
                    rev == null || !rev.isTextual() || rev.asText().isEmpty() ? null : rev.asText()));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    private static List<String> names(JsonNode n) {
        List<String> out = new ArrayList<>();
        if (n != null && n.isArray()) {
            n.forEach(v -> out.add(v.asText()));
        }
        return out;
    }

    /** Whether the injector put istio-proxy among the init containers: a native sidecar. */
    public boolean nativeSidecar() {
        return initContainers.contains(IstioLayout.PROXY_CONTAINER);
    }
}
