package io.injectordoctor.mesh;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
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
    // The streaming parser, not an ObjectMapper: explaining one pod would otherwise load data binding for three fields.
    private static final JsonFactory JSON = new JsonFactory();

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
        try (JsonParser p = JSON.createParser(text)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return Optional.empty();
            }
            List<String> init = List.of();
            List<String> containers = List.of();
            String revision = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                switch (field) {
                    case "initContainers" -> init = names(p);
                    case "containers" -> containers = names(p);
                    case "revision" -> revision = value == JsonToken.VALUE_STRING && !p.getText().isEmpty() ? p.getText() : null;
                    default -> p.skipChildren();
                }
            }
            return Optional.of(new SidecarStatus(init, containers, revision));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The names of an array of names; a value that is not a name reads as "" (an object, an array) as before. */
    private static List<String> names(JsonParser p) throws IOException {
        List<String> out = new ArrayList<>();
        if (p.currentToken() != JsonToken.START_ARRAY) {
            p.skipChildren();
            return out;
        }
        while (p.nextToken() != JsonToken.END_ARRAY) {
            JsonToken t = p.currentToken();
            if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                p.skipChildren();
                out.add("");
            } else {
                out.add(p.getText());
            }
        }
        return out;
    }

    /** Whether the injector put istio-proxy among the init containers: a native sidecar. */
    public boolean nativeSidecar() {
        return initContainers.contains(IstioLayout.PROXY_CONTAINER);
    }
}
