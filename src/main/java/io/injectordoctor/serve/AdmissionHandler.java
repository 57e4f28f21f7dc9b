package io.injectordoctor.serve;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.injectordoctor.mutation.Injector;
import io.injectordoctor.mutation.Patches;
import io.injectordoctor.mutation.PodTemplates;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Answers one AdmissionReview (admission.k8s.io/v1) as Istio's injector does: always allowed, with
 * a base64 JSONPatch when the pod is injected. No I/O: bytes in, an {@link Answer} out.
 */
public final class AdmissionHandler {
    static final String API_VERSION = "admission.k8s.io/v1";
    static final String KIND = "AdmissionReview";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Injector injector;

    public AdmissionHandler(Injector injector) {
        this.injector = injector;
    }

    /** An HTTP answer and one line for the server log (never containing the request body). */
    @SuppressWarnings("ArrayRecordComponent") // never compared: the body is written out as it is
    public record Answer(int status, String contentType, byte[] body, String log) {
        static Answer badRequest(String reason) {
            return new Answer(400, "text/plain; charset=utf-8", (reason + "\n").getBytes(StandardCharsets.UTF_8),
                    "400 " + reason);
        }
    }

    public Answer handle(byte[] body) {
        JsonNode review;
        try {
            review = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            return Answer.badRequest("the body is not JSON: " + firstLine(e.getOriginalMessage()));
        } catch (java.io.IOException e) {
            return Answer.badRequest("the body cannot be read: " + firstLine(e.getMessage()));
        }
        if (review == null || !review.isObject()) {
            return Answer.badRequest("the body is not a JSON object");
        }
        String apiVersion = review.path("apiVersion").asText("");
        String kind = review.path("kind").asText("");
        if (!API_VERSION.equals(apiVersion) || !KIND.equals(kind)) {
            return Answer.badRequest("expected apiVersion " + API_VERSION + " and kind " + KIND + ", got '"
                    + apiVersion + "' and '" + kind + "'");
        }
        JsonNode request = review.path("request");
        if (!request.isObject()) {
            return Answer.badRequest("the AdmissionReview has no request");
        }
        String uid = request.path("uid").asText("");
        if (uid.isEmpty()) {
            return Answer.badRequest("request.uid is missing");
        }
        if (!(request.get("object") instanceof ObjectNode object)) {
            return Answer.badRequest("request.object is missing or not an object");
        }
        String namespace = request.path("namespace").asText(null);
        Injector.Outcome outcome = injector.inject(object, namespace);
        ObjectNode response = JSON.createObjectNode();
        response.put("uid", uid);
        response.put("allowed", true);
        String subject = PodTemplates.describe(object) + (namespace == null ? "" : " in " + namespace);
        String log;
        if (outcome.injected()) {
            ArrayNode patch = Patches.diff(object, outcome.object());
            if (!patch.isEmpty()) {
                response.put("patchType", "JSONPatch");
                response.put("patch", Base64.getEncoder().encodeToString(
                        patch.toString().getBytes(StandardCharsets.UTF_8)));
            }
            log = uid + " " + subject + ": injected (" + patch.size() + " patch operations)";
        } else {
            log = uid + " " + subject + ": not injected: " + outcome.reason();
        }
        ObjectNode answer = JSON.createObjectNode();
        answer.put("apiVersion", API_VERSION);
        answer.put("kind", KIND);
        answer.set("response", response);
        return new Answer(200, "application/json", answer.toString().getBytes(StandardCharsets.UTF_8), log);
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unreadable";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
