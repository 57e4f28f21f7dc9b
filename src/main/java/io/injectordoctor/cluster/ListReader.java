package io.injectordoctor.cluster;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Consumer;

/**
 * Reads one page of a LIST answer from the stream, handing each item on as soon as it is parsed,
 * so memory holds one object, not a page. The answer must be the list asked for: an object with
 * an {@code items} array of objects that each have a name. Anything else ({@code {}}, an array, a
 * Status with code 200, {@code items: null}, an item that is a string or has no name) is the
 * server's bad data, reported as such, never read as an empty list.
 */
final class ListReader {
    /** The page's continue token (null when it is the last page) and how many items it held. */
    record Page(String continueToken, int items) {
    }

    private ListReader() {
    }

    static Page read(InputStream in, String path, Deadline deadline, Consumer<JsonNode> sink) throws IOException {
        try (JsonParser p = JsonTree.FACTORY.createParser(in)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw bad(path, "the answer is not a JSON object");
            }
            String kind = null;
            String cont = null;
            String message = null;
            int count = -1;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken t = p.nextToken();
                switch (field) {
                    case "kind" -> kind = t == JsonToken.VALUE_STRING ? p.getText() : null;
                    case "message" -> message = t == JsonToken.VALUE_STRING ? p.getText() : null;
                    case "metadata" -> {
                        JsonNode meta = JsonTree.value(p);
                        String c = Json.text(meta, "continue");
                        cont = c == null || c.isEmpty() ? null : c;
                    }
                    case "items" -> count = items(p, t, path, deadline, sink);
                    default -> p.skipChildren();
                }
            }
            if ("Status".equals(kind)) {
                throw bad(path, "the answer is a Status, not a list" + (message == null ? "" : ": " + message));
            }
            if (count < 0) {
                throw bad(path, "the answer has no 'items'");
            }
            return new Page(cont, count);
        }
    }

    private static int items(JsonParser p, JsonToken t, String path, Deadline deadline, Consumer<JsonNode> sink)
            throws IOException {
        if (t == JsonToken.VALUE_NULL) {
            throw bad(path, "'items' is null");
        }
        if (t != JsonToken.START_ARRAY) {
            throw bad(path, "'items' is not a list");
        }
        int n = 0;
        while (p.nextToken() != JsonToken.END_ARRAY) {
            if (p.currentToken() != JsonToken.START_OBJECT) {
                throw bad(path, "item " + (n + 1) + " is not an object");
            }
            JsonNode item = JsonTree.value(p);
            String name = Json.text(item, "metadata", "name");
            if (name == null || name.isEmpty()) {
                throw bad(path, "item " + (n + 1) + " has no metadata.name");
            }
            deadline.check(path);
            sink.accept(item);
            n++;
        }
        return n;
    }

    static ApiException bad(String path, String what) {
        return ApiException.badAnswer(200, "GET", path, what);
    }
}
