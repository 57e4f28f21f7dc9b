package io.injectordoctor.remedy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A KubernetesMockServer in CRUD mode, wrapped by a dispatcher that adds the few API server
 * behaviours CRUD mode lacks and a restart depends on: SelfSubjectAccessReview answers,
 * {@code dryRun=All} (the patch is applied to a copy and not stored), and programmed 409 conflicts.
 * Every request is recorded with its body, and tagged by the client's User-Agent so that the
 * test's own controller writes can be told apart from the code under test.
 */
public final class TestApiServer extends Dispatcher implements AutoCloseable {
    public static final String CONTROLLER_AGENT = "test-controller";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One request as the server received it. */
    public record Request(String method, String path, String contentType, String userAgent, String body) {
        public boolean byController() {
            return userAgent != null && userAgent.contains(CONTROLLER_AGENT);
        }

        public boolean mutating() {
            return !method.equals("GET");
        }

        public boolean dryRun() {
            return path.contains("dryRun=All");
        }
    }

    private final KubernetesCrudDispatcher crud = new KubernetesCrudDispatcher();
    private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());
    public final KubernetesMockServer server;
    public volatile boolean allowPatch = true;
    public final AtomicInteger conflictsToAnswer = new AtomicInteger();

    public TestApiServer() {
        server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(), this, false);
        server.init();
    }

    public KubernetesClient client() {
        return server.createClient();
    }

    /** A second client for the test's controllers, recognisable in the recorded requests. */
    public KubernetesClient controllerClient() {
        Config c = new ConfigBuilder(Config.empty()).withMasterUrl(server.url("/")).withNamespace("test")
                .withTrustCerts(true).withUserAgent(CONTROLLER_AGENT).withRequestRetryBackoffLimit(0).build();
        return new KubernetesClientBuilder().withConfig(c).build();
    }

    public List<Request> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    /** The requests sent by the code under test, not by the test's controllers. */
    public List<Request> ours() {
        return requests().stream().filter(r -> !r.byController()).toList();
    }

    @Override
    public MockResponse dispatch(RecordedRequest r) {
        byte[] bytes = r.getBody() == null ? new byte[0] : r.getBody().getBytes();
        String body = new String(bytes, StandardCharsets.UTF_8);
        Request rec = new Request(r.getMethod(), r.getPath(), r.getHeader("Content-Type"), r.getHeader("User-Agent"), body);
        requests.add(rec);
        if (rec.method().equals("POST") && rec.path().startsWith("/apis/authorization.k8s.io/v1/selfsubjectaccessreviews")) {
            return accessReview(body);
        }
        if (rec.method().equals("PATCH") && rec.path().contains("/deployments/") && !rec.byController()
                && conflictsToAnswer.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            return status(409, "Conflict", "Operation cannot be fulfilled on deployments.apps: the object has been modified;"
                    + " please apply your changes to the latest version and try again");
        }
        if (rec.method().equals("PATCH") && rec.dryRun()) {
            return dryRunPatch(rec);
        }
        return crud.dispatch(r);
    }

    private MockResponse accessReview(String body) {
        try {
            ObjectNode review = (ObjectNode) JSON.readTree(body);
            ObjectNode status = review.putObject("status");
            status.put("allowed", allowPatch);
            if (!allowPatch) {
                status.put("reason", "no RBAC policy matched");
            }
            return new MockResponse().setResponseCode(201).setBody(JSON.writeValueAsString(review));
        } catch (Exception e) {
            return status(400, "BadRequest", e.getMessage());
        }
    }

    /** Applies the merge patch to a copy of the stored object and returns it; nothing is stored. */
    private MockResponse dryRunPatch(Request rec) {
        try {
            String path = rec.path().substring(0, rec.path().indexOf('?'));
            MockResponse current = crud.handleGet(path);
            if (current.code() != 200) {
                return current;
            }
            JsonNode stored = JSON.readTree(new String(current.getBody().getBytes(), StandardCharsets.UTF_8));
            merge((ObjectNode) stored, JSON.readTree(rec.body()));
            return new MockResponse().setResponseCode(200).setBody(JSON.writeValueAsString(stored));
        } catch (Exception e) {
            return status(500, "InternalError", e.toString());
        }
    }

    static void merge(ObjectNode target, JsonNode patch) {
        Iterator<Map.Entry<String, JsonNode>> it = patch.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode existing = target.get(e.getKey());
            if (e.getValue().isNull()) {
                target.remove(e.getKey());
            } else if (e.getValue().isObject() && existing != null && existing.isObject()) {
                merge((ObjectNode) existing, e.getValue());
            } else {
                target.set(e.getKey(), e.getValue());
            }
        }
    }

    private static MockResponse status(int code, String reason, String message) {
        return io.injectordoctor.testing.ApiStatus.response(code, reason, message);
    }

    @Override
    public void close() {
        server.destroy();
    }
}
