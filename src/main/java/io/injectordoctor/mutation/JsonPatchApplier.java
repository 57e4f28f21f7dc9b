package io.injectordoctor.mutation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Applies the add, replace and remove operations of an RFC 6902 JSON Patch, as the API server does
 * with a webhook's answer. Other operations and paths that do not resolve are rejected.
 */
public final class JsonPatchApplier {
    private JsonPatchApplier() {
    }

    /** A patch that cannot be applied to the document. */
    public static final class PatchException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        PatchException(String message) {
            super(message);
        }
    }

    /** Returns a patched copy; {@code document} is left unchanged. */
    public static JsonNode apply(JsonNode patch, JsonNode document) {
        if (!patch.isArray()) {
            throw new PatchException("a JSON patch is an array of operations");
        }
        JsonNode doc = document.deepCopy();
        for (JsonNode op : patch) {
            doc = applyOne(op, doc);
        }
        return doc;
    }

    private static JsonNode applyOne(JsonNode op, JsonNode doc) {
        String name = op.path("op").asText();
        String path = op.path("path").asText(null);
        if (path == null) {
            throw new PatchException("operation without a path: " + op);
        }
        List<String> tokens = JsonPointer.tokens(path);
        if (tokens.isEmpty()) {
            if (name.equals("add") || name.equals("replace")) {
                return value(op).deepCopy();
            }
            throw new PatchException("cannot " + name + " the whole document");
        }
        JsonNode parent = resolve(doc, tokens.subList(0, tokens.size() - 1), path);
        String last = tokens.get(tokens.size() - 1);
        switch (name) {
            case "add" -> add(parent, last, value(op).deepCopy(), path);
            case "replace" -> {
                remove(parent, last, path);
                add(parent, last, value(op).deepCopy(), path);
            }
            case "remove" -> remove(parent, last, path);
            default -> throw new PatchException("unsupported operation '" + name + "' at " + path);
        }
        return doc;
    }

    private static JsonNode value(JsonNode op) {
        JsonNode v = op.get("value");
        if (v == null) {
            throw new PatchException("operation without a value: " + op);
        }
        return v;
    }

    private static JsonNode resolve(JsonNode doc, List<String> tokens, String path) {
        JsonNode cur = doc;
        for (String t : tokens) {
            JsonNode next = cur.isArray() ? cur.get(index(t, cur.size() - 1, path)) : cur.isObject() ? cur.get(t) : null;
            if (next == null) {
                throw new PatchException("path does not exist: " + path);
            }
            cur = next;
        }
        return cur;
    }

    private static void add(JsonNode parent, String token, JsonNode value, String path) {
        if (parent.isObject()) {
            ((ObjectNode) parent).set(token, value);
        } else if (parent.isArray()) {
            ArrayNode a = (ArrayNode) parent;
            a.insert(token.equals("-") ? a.size() : index(token, a.size(), path), value);
        } else {
            throw new PatchException("parent is not a container: " + path);
        }
    }

    private static void remove(JsonNode parent, String token, String path) {
        if (parent.isObject() && parent.has(token)) {
            ((ObjectNode) parent).remove(token);
        } else if (parent.isArray()) {
            ((ArrayNode) parent).remove(index(token, parent.size() - 1, path));
        } else {
            throw new PatchException("path does not exist: " + path);
        }
    }

    private static int index(String token, int max, String path) {
        if (!token.matches("0|[1-9][0-9]{0,8}")) {
            throw new PatchException("not an array index: " + path);
        }
        int i = Integer.parseInt(token);
        if (i > max) {
            throw new PatchException("index out of range: " + path);
        }
        return i;
    }
}
