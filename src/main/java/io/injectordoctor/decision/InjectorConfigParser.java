package io.injectordoctor.decision;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.injectordoctor.model.LabelSelector;
import java.util.ArrayList;
import java.util.List;

/** Parses the {@code config} key of the injector ConfigMap. Never throws: a bad text is reported. */
public final class InjectorConfigParser {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private InjectorConfigParser() {
    }

    public static InjectorConfig parse(String source, String configText) {
        if (configText == null) {
            return new InjectorConfig(source, null, List.of(), List.of(), "the ConfigMap has no 'config' key");
        }
        JsonNode root;
        try {
            root = YAML.readTree(configText);
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            String where = loc == null ? "" : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr();
            return new InjectorConfig(source, null, List.of(), List.of(),
                    "'config' is not valid YAML" + where + ": " + e.getOriginalMessage());
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            // An empty config is valid YAML; the policy is then "", which the injector treats as illegal.
            return new InjectorConfig(source, "", List.of(), List.of(), null);
        }
        if (!root.isObject()) {
            return new InjectorConfig(source, null, List.of(), List.of(),
                    "'config' is not a YAML mapping (found " + root.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + ")");
        }
        try {
            JsonNode p = root.get("policy");
            String policy = p == null || p.isNull() ? "" : p.asText();
            return new InjectorConfig(source, policy, selectors(root.get("neverInjectSelector"), "neverInjectSelector"),
                    selectors(root.get("alwaysInjectSelector"), "alwaysInjectSelector"), null);
        } catch (IllegalArgumentException e) {
            return new InjectorConfig(source, null, List.of(), List.of(), e.getMessage());
        }
    }

    private static List<LabelSelector> selectors(JsonNode node, String field) {
        List<LabelSelector> out = new ArrayList<>();
        if (node == null || node.isNull()) {
            return out;
        }
        if (!node.isArray()) {
            throw new IllegalArgumentException("'" + field + "' must be a list of label selectors");
        }
        for (JsonNode item : node) {
            out.add(io.injectordoctor.cluster.ObjectConverter.labelSelector(item, field));
        }
        return out;
    }

}
