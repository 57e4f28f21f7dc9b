package io.injectordoctor.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Reads the API server's answers: the one object asked for, or what an error says. */
final class Answers {
    private static final long MAX_ERROR_BODY = 64 * 1024;

    private Answers() {
    }

    static JsonNode object(InputStream in, String method, String path) throws IOException {
        JsonNode n = JsonTree.read(in);
        if (!n.isObject()) {
            throw ApiException.badAnswer(200, method, path, "the answer is not a JSON object");
        }
        if ("Status".equals(Json.text(n, "kind"))) {
            throw ApiException.badAnswer(200, method, path, "the answer is a Status, not the object"
                    + (Json.text(n, "message") == null ? "" : ": " + Json.text(n, "message")));
        }
        String name = Json.text(n, "metadata", "name");
        if (name == null || name.isEmpty()) {
            throw ApiException.badAnswer(200, method, path, "the answer has no metadata.name");
        }
        return n;
    }

    /** The server's own message when it sent a Status; else what kind of answer it was. */
    static ApiException error(int code, String method, String path, HttpTransport.Response r) throws IOException {
        byte[] bytes = r.body().readNBytes((int) MAX_ERROR_BODY);
        String type = r.header("Content-Type");
        try {
            JsonNode n = JsonTree.read(new String(bytes, StandardCharsets.UTF_8));
            String m = Json.text(n, "message");
            if (m != null) {
                return new ApiException(code, method, path, m, null, false, "Status".equals(Json.text(n, "kind")));
            }
        } catch (IOException | RuntimeException ignored) {
            // not a Status object
        }
        return new ApiException(code, method, path, "HTTP " + code + (type == null || type.contains("json") ? ""
                : " (a " + type.split(";", -1)[0].strip() + " answer, not the API's)"), null, false, false);
    }
}
