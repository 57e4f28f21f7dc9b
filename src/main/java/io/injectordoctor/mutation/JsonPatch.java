package io.injectordoctor.mutation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Computes an RFC 6902 JSON Patch (add, replace, remove) that turns one document into another,
 * the form a mutating admission webhook answers with.
 */
public final class JsonPatch {
    private JsonPatch() {
    }

    /** The operations that turn {@code source} into {@code target}, as a JSON array. */
    public static ArrayNode diff(JsonNode source, JsonNode target) {
        List<ObjectNode> ops = new ArrayList<>();
        diff("", source, target, ops);
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        out.addAll(ops);
        return out;
    }

    private static void diff(String path, JsonNode source, JsonNode target, List<ObjectNode> ops) {
        if (source.equals(target)) {
            return;
        }
        if (source.isObject() && target.isObject()) {
            diffObjects(path, (ObjectNode) source, (ObjectNode) target, ops);
        } else if (source.isArray() && target.isArray()) {
            diffArrays(path, (ArrayNode) source, (ArrayNode) target, ops);
        } else {
            ops.add(op("replace", path, target));
        }
    }

    private static void diffObjects(String path, ObjectNode source, ObjectNode target, List<ObjectNode> ops) {
        for (Iterator<String> it = source.fieldNames(); it.hasNext();) {
            String name = it.next();
            if (!target.has(name)) {
                ops.add(op("remove", JsonPointer.append(path, name), null));
            }
        }
        for (Map.Entry<String, JsonNode> e : target.properties()) {
            String child = JsonPointer.append(path, e.getKey());
            JsonNode before = source.get(e.getKey());
            if (before == null) {
                ops.add(op("add", child, e.getValue()));
            } else {
                diff(child, before, e.getValue(), ops);
            }
        }
    }

    /*
     * Equal leading and trailing elements are kept, so an element inserted at the front (the
     * injector prepends its init containers) is one add rather than a replace of everything after
     * it. In the differing middle, elements are compared position by position; surplus is removed
     * from the end backwards, so every index stays valid while the patch is applied, and missing
     * elements are added in order.
     */
    private static void diffArrays(String path, ArrayNode source, ArrayNode target, List<ObjectNode> ops) {
        int prefix = 0;
        while (prefix < source.size() && prefix < target.size() && source.get(prefix).equals(target.get(prefix))) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < source.size() - prefix && suffix < target.size() - prefix
                && source.get(source.size() - 1 - suffix).equals(target.get(target.size() - 1 - suffix))) {
            suffix++;
        }
        int sourceEnd = source.size() - suffix;
        int targetEnd = target.size() - suffix;
        int common = Math.min(sourceEnd, targetEnd);
        for (int i = prefix; i < common; i++) {
            diff(JsonPointer.append(path, i), source.get(i), target.get(i), ops);
        }
        for (int i = sourceEnd - 1; i >= common; i--) {
            ops.add(op("remove", JsonPointer.append(path, i), null));
        }
        for (int i = common; i < targetEnd; i++) {
            ops.add(op("add", JsonPointer.append(path, i), target.get(i)));
        }
    }

    private static ObjectNode op(String name, String path, JsonNode value) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("op", name);
        o.put("path", path);
        if (value != null) {
            o.set("value", value.deepCopy());
        }
        return o;
    }
}
