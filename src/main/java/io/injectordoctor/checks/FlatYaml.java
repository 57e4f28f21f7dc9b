package io.injectordoctor.checks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The shape every catalogue file of the project has: one {@code key: value} per line, the value a
 * plain scalar, a one-line quoted string or a flow list of plain scalars. Reading that shape needs
 * no YAML library, and every short command reads a few catalogue entries, so this is tried first;
 * anything outside the shape (block scalars, nesting, escapes other than {@code \"} and
 * {@code \\}, a repeated key) is left to the full YAML reader, which then decides, errors included.
 * {@code CatalogueFormsTest} holds the two readers to the same result for every shipped entry.
 */
final class FlatYaml {
    private FlatYaml() {
    }

    /** Each key's value, a String or a List of Strings; empty when the text is not of the flat shape. */
    static Optional<Map<String, Object>> read(String text) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String raw : text.split("\n", -1)) {
            String line = raw.endsWith("\r") ? raw.substring(0, raw.length() - 1) : raw;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int colon = line.indexOf(": ");
            if (colon <= 0 || !isKey(line.substring(0, colon))) {
                return Optional.empty();
            }
            Object value = value(line.substring(colon + 2).strip());
            if (value == null || out.put(line.substring(0, colon), value) != null) {
                return Optional.empty();
            }
        }
        return out.isEmpty() ? Optional.empty() : Optional.of(out);
    }

    private static boolean isKey(String k) {
        for (int i = 0; i < k.length(); i++) {
            char c = k.charAt(i);
            if (!(Character.isLetterOrDigit(c) && c < 128)) {
                return false;
            }
        }
        return true;
    }

    /** The value, or null when it is not of the flat shape. */
    private static Object value(String v) {
        if (v.startsWith("\"")) {
            return doubleQuoted(v);
        }
        if (v.startsWith("'")) {
            return singleQuoted(v);
        }
        if (v.startsWith("[")) {
            return flowList(v);
        }
        return plain(v) ? v : null;
    }

    private static String doubleQuoted(String v) {
        StringBuilder b = new StringBuilder();
        for (int i = 1; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '"') {
                return i == v.length() - 1 ? b.toString() : null;
            }
            if (c == '\\') {
                if (i + 1 >= v.length() || (v.charAt(i + 1) != '"' && v.charAt(i + 1) != '\\')) {
                    return null;
                }
                c = v.charAt(++i);
            }
            b.append(c);
        }
        return null;
    }

    private static String singleQuoted(String v) {
        StringBuilder b = new StringBuilder();
        for (int i = 1; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '\'') {
                if (i + 1 < v.length() && v.charAt(i + 1) == '\'') {
                    b.append('\'');
                    i++;
                    continue;
                }
                return i == v.length() - 1 ? b.toString() : null;
            }
            b.append(c);
        }
        return null;
    }

    private static List<String> flowList(String v) {
        if (!v.endsWith("]")) {
            return null;
        }
        String inner = v.substring(1, v.length() - 1).strip();
        List<String> items = new ArrayList<>();
        if (inner.isEmpty()) {
            return items;
        }
        for (String item : inner.split(",", -1)) {
            String s = item.strip();
            if (!plain(s)) {
                return null;
            }
            items.add(s);
        }
        return items;
    }

    /**
     * A plain scalar that YAML reads as the same string: starts with a letter or digit, holds only
     * characters that cannot start a comment, a mapping, a flow collection or a tag, and is none of
     * the words YAML 1.1 reads as booleans or null.
     */
    private static boolean plain(String s) {
        if (s.isEmpty() || !Character.isLetterOrDigit(s.charAt(0)) || s.charAt(0) >= 128) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 128 || "#:[]{},&*!|>'\"%@`".indexOf(c) >= 0) {
                return false;
            }
        }
        String lower = s.toLowerCase(java.util.Locale.ROOT);
        return !List.of("true", "false", "yes", "no", "on", "off", "null", "y", "n").contains(lower)
                && !Character.isDigit(s.charAt(0));
    }
}
