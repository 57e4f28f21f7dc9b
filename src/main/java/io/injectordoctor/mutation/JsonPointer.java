package io.injectordoctor.mutation;

import java.util.ArrayList;
import java.util.List;

/** RFC 6901 JSON pointers: {@code ~} is written {@code ~0} and {@code /} is written {@code ~1}. */
public final class JsonPointer {
    private JsonPointer() {
    }

    public static String escape(String token) {
        // '~' first, or the '~' introduced for '/' would be escaped again
        return token.replace("~", "~0").replace("/", "~1");
    }

    public static String unescape(String token) {
        // '~1' first, so that "~01" becomes "~1" and not "/"
        return token.replace("~1", "/").replace("~0", "~");
    }

    public static String append(String pointer, String token) {
        return pointer + "/" + escape(token);
    }

    public static String append(String pointer, int index) {
        return pointer + "/" + index;
    }

    /** The unescaped reference tokens of a pointer; the empty pointer (the whole document) has none. */
    public static List<String> tokens(String pointer) {
        if (pointer.isEmpty()) {
            return List.of();
        }
        if (!pointer.startsWith("/")) {
            throw new IllegalArgumentException("JSON pointer must start with '/': " + pointer);
        }
        List<String> out = new ArrayList<>();
        for (String raw : pointer.substring(1).split("/", -1)) {
            out.add(unescape(raw));
        }
        return out;
    }
}
