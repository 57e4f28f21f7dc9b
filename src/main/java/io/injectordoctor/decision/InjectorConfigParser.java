package io.injectordoctor.decision;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.core.JsonParser;
import io.injectordoctor.cluster.JsonTree;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.injectordoctor.model.LabelSelector;
import java.util.ArrayList;
import java.util.List;

/** Parses the {@code config} key of the injector ConfigMap. Never throws: a bad text is reported. */
public final class InjectorConfigParser {
    // A YAML parser feeding the tree builder, not an ObjectMapper: data binding is most of the
    // classes a short command would load, and a tree is all that is read here.
    private static final YAMLFactory YAML = new YAMLFactory();

    private InjectorConfigParser() {
    }

    public static InjectorConfig parse(String source, String configText) {
        if (configText == null) {
            return new InjectorConfig(source, null, List.of(), List.of(), "the ConfigMap has no 'config' key");
        }
        JsonNode root;
        try {
            try (JsonParser parser = YAML.createParser(configText)) {
                root = JsonTree.first(parser);
            }
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            String where = loc == null ? "" : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr();
            return new InjectorConfig(source, null, List.of(), List.of(),
                    "'config' is not valid YAML" + where + ": " + e.getOriginalMessage());
        } catch (java.io.IOException e) {
            return new InjectorConfig(source, null, List.of(), List.of(), "'config' is not valid YAML: " + e.getMessage());
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
                    selectors(root.get("alwaysInjectSelector"), "alwaysInjectSelector"), null, templates(root));
        } catch (IllegalArgumentException e) {
            return new InjectorConfig(source, null, List.of(), List.of(), e.getMessage());
        }
    }

    /**
     * {@code templates} (a map of name to template text), {@code defaultTemplates} and {@code aliases}
     * (pkg/kube/inject/webhook.go Config); a part of another shape is read as absent, as the decision
     * only needs the names.
     */
    private static InjectorConfig.Templates templates(JsonNode root) {
        java.util.Set<String> names = new java.util.LinkedHashSet<>();
        JsonNode t = root.get("templates");
        if (t != null && t.isObject()) {
            t.fieldNames().forEachRemaining(names::add);
        }
        List<String> defaults = new ArrayList<>();
        JsonNode d = root.get("defaultTemplates");
        if (d != null && d.isArray()) {
            d.forEach(n -> defaults.add(n.asText()));
        }
        java.util.Map<String, List<String>> aliases = new java.util.LinkedHashMap<>();
        JsonNode a = root.get("aliases");
        if (a != null && a.isObject()) {
            a.properties().forEach(e -> {
                List<String> to = new ArrayList<>();
                if (e.getValue().isArray()) {
                    e.getValue().forEach(n -> to.add(n.asText()));
                }
                aliases.put(e.getKey(), to);
            });
        }
        // istiod falls back to the sidecar template when the ConfigMap names no default (inject.go UnmarshalConfig).
        return new InjectorConfig.Templates(names, defaults.isEmpty() ? List.of(io.injectordoctor.mesh.IstioLayout.SIDECAR_TEMPLATE)
                : defaults, aliases);
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
