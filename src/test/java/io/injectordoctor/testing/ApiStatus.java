package io.injectordoctor.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.mockwebserver.http.MockResponse;

/** A Kubernetes Status answer, as test API servers send for a refused request. */
public final class ApiStatus {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ApiStatus() {
    }

    public static MockResponse response(int code, String reason, String message) {
        ObjectNode s = JSON.createObjectNode();
        s.put("apiVersion", "v1").put("kind", "Status").put("status", "Failure").put("message", message)
                .put("reason", reason).put("code", code);
        return new MockResponse().setResponseCode(code).setBody(s.toString());
    }
}
