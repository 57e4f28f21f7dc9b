package io.injectordoctor.mutation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Terse builders for the JSON the sidecar template is made of. */
final class Nodes {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private Nodes() {
    }

    /** An object from alternating keys and values; values may be String, Integer, Boolean or JsonNode. */
    static ObjectNode obj(Object... kv) {
        ObjectNode o = F.objectNode();
        for (int i = 0; i < kv.length; i += 2) {
            o.set((String) kv[i], node(kv[i + 1]));
        }
        return o;
    }

    static ArrayNode arr(Object... values) {
        ArrayNode a = F.arrayNode();
        for (Object v : values) {
            a.add(node(v));
        }
        return a;
    }

    static JsonNode node(Object v) {
        if (v instanceof JsonNode n) {
            return n;
        } else if (v instanceof String s) {
            return F.textNode(s);
        } else if (v instanceof Integer i) {
            return F.numberNode(i);
        } else if (v instanceof Boolean b) {
            return F.booleanNode(b);
        }
        throw new IllegalArgumentException("unsupported value: " + v);
    }

    static ObjectNode env(String name, String value) {
        return obj("name", name, "value", value);
    }

    static ObjectNode envField(String name, String fieldPath) {
        return obj("name", name, "valueFrom", obj("fieldRef", obj("fieldPath", fieldPath)));
    }

    static ObjectNode envResource(String name, String resource) {
        return obj("name", name, "valueFrom", obj("resourceFieldRef", obj("divisor", "1", "resource", resource)));
    }

    /** The child object under {@code key}, created (replacing a non-object) when needed. */
    static ObjectNode child(ObjectNode parent, String key) {
        JsonNode n = parent.get(key);
        if (n instanceof ObjectNode o) {
            return o;
        }
        return parent.putObject(key);
    }

    /** The child array under {@code key}, created (replacing a non-array) when needed. */
    static ArrayNode array(ObjectNode parent, String key) {
        JsonNode n = parent.get(key);
        if (n instanceof ArrayNode a) {
            return a;
        }
        return parent.putArray(key);
    }
}
