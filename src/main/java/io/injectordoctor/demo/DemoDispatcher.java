package io.injectordoctor.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.mockwebserver.crud.Attribute;
import io.fabric8.mockwebserver.crud.AttributeSet;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The CRUD store of the mock server plus what kubectl needs besides it: {@code /version} and the
 * discovery documents. While the seed is loaded it also keeps the {@code uid} and
 * {@code creationTimestamp} a seed object carries, which a real API server (and the stock store)
 * would overwrite: the scenarios need owner references that resolve and pods older than their webhook.
 * Pods asked for as a Table (what {@code kubectl get} does) are answered with one, see {@link PodTable}.
 */
final class DemoDispatcher extends KubernetesCrudDispatcher {
    private static final String JSON = "application/json";
    private static final java.util.regex.Pattern RESTARTABLE =
            java.util.regex.Pattern.compile("/apis/apps/v1/namespaces/([^/]+)/deployments/([^/]+)");

    private final ObjectMapper json = new ObjectMapper();
    private volatile ApiDiscovery discovery;
    private volatile boolean seeding;
    private volatile DemoController controller;
    private final PodTable podTable = new PodTable(json);

    void serveAt(String serverAddress) {
        this.discovery = new ApiDiscovery(json, serverAddress);
    }

    void controller(DemoController c) {
        this.controller = c;
    }

    void seeding(boolean on) {
        this.seeding = on;
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        String path = request.getPath();
        int query = path.indexOf('?');
        String bare = query < 0 ? path : path.substring(0, query);
        if ("GET".equals(request.getMethod())) {
            if (bare.equals("/version")) {
                return ok(version());
            }
            if (ApiDiscovery.isDiscoveryRoot(bare)) {
                Optional<ObjectNode> doc = discovery.document(bare);
                return doc.map(this::ok).orElseGet(DemoDispatcher::notFound);
            }
        }
        if ("POST".equals(request.getMethod()) && bare.endsWith("/selfsubjectaccessreviews")) {
            return accessReview(request);
        }
        if (path.contains("dryRun=All")) {
            return dryRun(request, bare);
        }
        MockResponse response = super.dispatch(request);
        java.util.regex.Matcher restart = RESTARTABLE.matcher(bare);
        // A rollout restart is a merge patch (strategic from kubectl); the controller's own status
        // updates are JSON patches and must not start another rollout.
        String type = request.getHeader("Content-Type");
        if ("PATCH".equals(request.getMethod()) && restart.matches() && controller != null
                && type != null && type.contains("merge-patch") && response.code() / 100 == 2) {
            controller.restarted(restart.group(1), restart.group(2));
        }
        if ("GET".equals(request.getMethod()) && isPodPath(bare) && response.code() == HttpURLConnection.HTTP_OK
                && !path.contains("watch=")) {
            MockResponse sorted = inKeyOrder(response);
            return wantsTable(request) ? asPodTable(sorted) : sorted;
        }
        return response;
    }

    /** A real API server lists in the order of its storage keys: by namespace, then name. */
    private MockResponse inKeyOrder(MockResponse response) {
        try {
            JsonNode body = json.readTree(response.getBody().getBytes());
            if (!(body.get("items") instanceof com.fasterxml.jackson.databind.node.ArrayNode items)) {
                return response;
            }
            List<JsonNode> sorted = new java.util.ArrayList<>();
            items.forEach(sorted::add);
            sorted.sort(java.util.Comparator.comparing((JsonNode o) -> o.path("metadata").path("namespace").asText())
                    .thenComparing(o -> o.path("metadata").path("name").asText()));
            items.removeAll();
            items.addAll(sorted);
            return ok(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The demo's user may do anything, as a cluster admin would; the review says so. */
    private MockResponse accessReview(RecordedRequest request) {
        try {
            ObjectNode review = (ObjectNode) json.readTree(request.getBody().getBytes());
            ObjectNode status = review.putObject("status");
            status.put("allowed", true);
            status.put("reason", "the demo cluster allows everything");
            return new MockResponse().setResponseCode(HttpURLConnection.HTTP_CREATED)
                    .setHeader("Content-Type", JSON).setBody(json.writeValueAsString(review));
        } catch (IOException | ClassCastException e) {
            return new MockResponse().setResponseCode(400).setHeader("Content-Type", JSON)
                    .setBody("{\"kind\":\"Status\",\"code\":400,\"message\":\"not a SelfSubjectAccessReview\"}");
        }
    }

    /**
     * A dry run changes nothing. A patch answers with the object as stored; a pod create would go
     * through admission webhooks, which the demo does not run, and says so instead of pretending.
     */
    private MockResponse dryRun(RecordedRequest request, String bare) {
        if ("POST".equals(request.getMethod()) && isPodPath(bare)) {
            return new MockResponse().setResponseCode(501).setHeader("Content-Type", JSON)
                    .setBody("{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"code\":501,"
                            + "\"message\":\"the embedded demo cluster runs no admission webhooks, so a dry-run create "
                            + "cannot show what a live injector would do\"}");
        }
        if ("PATCH".equals(request.getMethod())) {
            return handleGet(bare);
        }
        return new MockResponse().setResponseCode(501).setHeader("Content-Type", JSON)
                .setBody("{\"kind\":\"Status\",\"code\":501,\"message\":\"the demo cluster supports dry runs of patches only\"}");
    }

    private static boolean wantsTable(RecordedRequest request) {
        String accept = request.getHeader("Accept");
        return accept != null && accept.contains("as=Table") && !request.getPath().contains("watch=");
    }

    private static boolean isPodPath(String path) {
        return path.matches("/api/v1/(namespaces/[^/]+/)?pods(/[^/]+)?");
    }

    private MockResponse asPodTable(MockResponse response) {
        try {
            JsonNode body = json.readTree(response.getBody().getBytes());
            return ok(podTable.of(body, Instant.now()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public MockResponse handleCreate(RecordedRequest request) {
        // Read before the store does: reading the body of a recorded request consumes it.
        byte[] body = seeding ? request.getBody().getBytes().clone() : null;
        MockResponse response = super.handleCreate(request);
        if (seeding && response.code() == HttpURLConnection.HTTP_CREATED) {
            keepSeedMetadata(request.getPath(), body);
        }
        return response;
    }

    private void keepSeedMetadata(String path, byte[] body) {
        try {
            JsonNode sent = json.readTree(body).path("metadata");
            if (!sent.has("uid") && !sent.has("creationTimestamp")) {
                return;
            }
            AttributeSet key = getKey(path).add(new Attribute("name", sent.path("name").asText()));
            Map.Entry<AttributeSet, String> stored = findResource(key);
            ObjectNode object = (ObjectNode) json.readTree(stored.getValue());
            ObjectNode meta = (ObjectNode) object.path("metadata");
            for (String field : new String[] {"uid", "creationTimestamp"}) {
                if (sent.hasNonNull(field)) {
                    meta.set(field, sent.get(field));
                }
            }
            String updated = json.writeValueAsString(object);
            processEvent(path, getKey(path), stored.getKey(),
                    json.treeToValue(object, GenericKubernetesResource.class), updated);
        } catch (IOException e) {
            throw new IllegalStateException("cannot keep the seed metadata of " + path, e);
        }
    }

    private ObjectNode version() {
        return json.createObjectNode().put("major", "1").put("minor", "32")
                .put("gitVersion", "v1.32.0-injector-doctor-demo").put("platform", "linux/amd64");
    }

    private MockResponse ok(JsonNode body) {
        try {
            return new MockResponse().setResponseCode(HttpURLConnection.HTTP_OK)
                    .setHeader("Content-Type", JSON).setBody(json.writeValueAsString(body));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static MockResponse notFound() {
        return new MockResponse().setResponseCode(HttpURLConnection.HTTP_NOT_FOUND)
                .setHeader("Content-Type", JSON)
                .setBody("{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"reason\":\"NotFound\",\"code\":404}");
    }
}
