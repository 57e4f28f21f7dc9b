package io.injectordoctor.mutation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;

/**
 * Reads the {@code values} key of the injector configmap ({@code istio-sidecar-injector[-<revision>]}
 * in istiod's namespace): the Helm values the sidecar template renders with.
 */
public final class InjectorConfigMaps {
    private static final ObjectMapper JSON = new ObjectMapper();

    private InjectorConfigMaps() {
    }

    /**
     * The parsed {@code values} key of the configmap's data.
     *
     * @throws IllegalArgumentException when the key is missing or not a JSON object
     */
    public static JsonNode values(Map<String, String> data) {
        String raw = data.get("values");
        if (raw == null) {
            throw new IllegalArgumentException("has no 'values' key (Istio before 1.2 did not write one)");
        }
        return parseValues(raw);
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
}
