package io.injectordoctor.injector;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.injectordoctor.model.LabelSelector;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
                    "'config' is not a YAML mapping (found " + root.getNodeType().name().toLowerCase() + ")");
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
            out.add(selector(item, field));
        }
        return out;
    }

    /** Reads one LabelSelector from a parsed tree (also used for webhook selectors in manifests). */
    public static LabelSelector selector(JsonNode item, String field) {
        if (item == null || item.isNull()) {
            return new LabelSelector(Map.of(), List.of());
        }
        if (!item.isObject()) {
            throw new IllegalArgumentException("'" + field + "' has an entry that is not a label selector");
        }
        Map<String, String> labels = new LinkedHashMap<>();
        JsonNode ml = item.get("matchLabels");
        if (ml != null && ml.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = ml.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                labels.put(e.getKey(), e.getValue().asText());
            }
        }
        List<LabelSelector.Requirement> reqs = new ArrayList<>();
        JsonNode me = item.get("matchExpressions");
        if (me != null && me.isArray()) {
            for (JsonNode r : me) {
                List<String> values = new ArrayList<>();
                JsonNode vs = r.get("values");
                if (vs != null && vs.isArray()) {
                    vs.forEach(v -> values.add(v.asText()));
                }
                reqs.add(new LabelSelector.Requirement(text(r, "key"), text(r, "operator"), values));
            }
        }
        return new LabelSelector(labels, reqs);
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
