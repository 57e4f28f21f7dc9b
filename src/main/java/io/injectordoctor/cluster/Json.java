package io.injectordoctor.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Null-tolerant reads from a parsed object: objects from the field often lack fields. */
final class Json {
    private Json() {
    }

    static JsonNode at(JsonNode n, String... path) {
        JsonNode cur = n;
        for (String p : path) {
            if (cur == null || cur.isNull() || cur.isMissingNode()) {
                return null;
            }
            cur = cur.get(p);
        }
        return cur == null || cur.isNull() || cur.isMissingNode() ? null : cur;
    }

    static String text(JsonNode n, String... path) {
        JsonNode v = at(n, path);
        return v == null || v.isContainerNode() ? null : v.asText();
    }

    static boolean bool(JsonNode n, String... path) {
        JsonNode v = at(n, path);
        return v != null && (v.isBoolean() ? v.booleanValue() : "true".equalsIgnoreCase(v.asText()));
    }

    static Integer integer(JsonNode n, String... path) {
        JsonNode v = at(n, path);
        if (v == null) {
            return null;
        }
        if (v.canConvertToInt()) {
            return v.intValue();
        }
        try {
            return Integer.valueOf(v.asText().trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static Long longValue(JsonNode n, String... path) {
        JsonNode v = at(n, path);
        return v == null || !v.canConvertToLong() ? null : v.longValue();
    }

    static Instant instant(JsonNode n, String... path) {
        String s = text(n, path);
        if (s == null || s.isEmpty()) {
            return null;
        }
        try {
            return Instant.parse(s);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** A string map; non-string values (YAML "true" unquoted) become their text. */
    static Map<String, String> stringMap(JsonNode n, String... path) {
        JsonNode v = at(n, path);
        Map<String, String> m = new LinkedHashMap<>();
        if (v == null || !v.isObject()) {
            return m;
        }
        for (Map.Entry<String, JsonNode> e : v.properties()) {
            m.put(e.getKey(), e.getValue().isNull() ? "" : e.getValue().asText());
        }
        return m;
    }

    static List<String> strings(JsonNode n, String... path) {
        JsonNode v = at(n, path);
        List<String> out = new ArrayList<>();
        if (v != null && v.isArray()) {
            v.forEach(x -> out.add(x.asText()));
        }
        return out;
    }

    static List<JsonNode> items(JsonNode n, String... path) {
        JsonNode v = at(n, path);
        List<JsonNode> out = new ArrayList<>();
        if (v != null && v.isArray()) {
            v.forEach(out::add);
        }
        return out;
    }
}
