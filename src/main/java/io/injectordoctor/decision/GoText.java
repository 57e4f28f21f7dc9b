package io.injectordoctor.decision;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Values written the way the API server's Go code writes them in its messages, so that a message
 * predicted here reads exactly like the one the API server would return.
 */
final class GoText {
    private GoText() {
    }

    /** fmt's {@code %q}: a double-quoted string with Go escapes. */
    static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        s.codePoints().forEach(c -> {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\t' -> b.append("\\t");
                case '\r' -> b.append("\\r");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        b.append(String.format("\\x%02x", c));
                    } else {
                        b.appendCodePoint(c);
                    }
                }
            }
        });
        return b.append('"').toString();
    }

    /** encoding/json of a []string: null for none, else a list of JSON strings with Go's HTML escapes. */
    static String json(List<String> values) {
        if (values == null || values.isEmpty()) {
            return "null";
        }
        List<String> out = new ArrayList<>();
        for (String v : values) {
            StringBuilder b = new StringBuilder("\"");
            for (int i = 0; i < v.length(); i++) {
                char c = v.charAt(i);
                switch (c) {
                    case '"' -> b.append("\\\"");
                    case '\\' -> b.append("\\\\");
                    case '\n' -> b.append("\\n");
                    case '\r' -> b.append("\\r");
                    case '\t' -> b.append("\\t");
                    case '<', '>', '&' -> b.append(String.format("\\u%04x", (int) c));
                    default -> {
                        if (c < 0x20) {
                            b.append(String.format("\\u%04x", (int) c));
                        } else {
                            b.append(c);
                        }
                    }
                }
            }
            out.add(b.append('"').toString());
        }
        return "[" + String.join(",", out) + "]";
    }

    /**
     * apimachinery util/errors {@code aggregate.Error}: one message alone, several (each once, in
     * order) between brackets and separated by commas.
     */
    static String aggregate(List<String> messages) {
        LinkedHashSet<String> seen = new LinkedHashSet<>(messages);
        if (seen.size() == 1) {
            return seen.iterator().next();
        }
        return "[" + String.join(", ", seen) + "]";
    }
}
