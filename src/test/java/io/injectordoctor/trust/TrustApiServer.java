package io.injectordoctor.trust;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.injectordoctor.testing.MockCluster.Result;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * KubernetesMockServer in CRUD mode behind a dispatcher that can refuse what an RBAC policy does
 * not grant (403, and SelfSubjectAccessReview answered from the same policy), and answer chosen
 * requests with programmed faults. Every request is recorded with the status it got.
 */
final class TrustApiServer extends Dispatcher implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    record Seen(String method, String path, ApiRequest attributes, int code) {
    }

    /** A programmed answer: {@code times} < 0 means always. */
    private static final class Fault {
        final Predicate<ApiRequest> when;
        final Predicate<String> path;
        final Function<RecordedRequest, MockResponse> answer;
        int times;

        Fault(Predicate<ApiRequest> when, Predicate<String> path, Function<RecordedRequest, MockResponse> answer, int times) {
            this.when = when;
            this.path = path;
            this.answer = answer;
            this.times = times;
        }
    }

    private final KubernetesCrudDispatcher crud = new KubernetesCrudDispatcher();
    private final List<Fault> faults = Collections.synchronizedList(new ArrayList<>());
    private final List<Seen> seen = Collections.synchronizedList(new ArrayList<>());
    private final KubernetesMockServer server;
    private final KubernetesClient client;
    private final Path kubeconfig;
    private volatile RbacPolicy policy;

    TrustApiServer() {
        server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(), this, false);
        try {
            server.init(InetAddress.getByName("127.0.0.1"), 0);
            kubeconfig = Files.createTempFile("injector-doctor-trust", ".kubeconfig");
            Files.writeString(kubeconfig, TrustCluster.kubeconfig(server.getPort(), "trust-test-token"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        client = server.createClient();
    }

    /** Creates the objects of a YAML text, before any policy or fault is set. */
    TrustApiServer apply(String yaml) {
        client.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8))).items()
                .forEach(o -> client.resource(o).create());
        seen.clear();
        return this;
    }

    TrustApiServer policy(RbacPolicy p) {
        policy = p;
        return this;
    }

    /** Answers matching requests {@code times} times (or always when negative) with a programmed response. */
    TrustApiServer fault(Predicate<ApiRequest> when, int times, Function<RecordedRequest, MockResponse> answer) {
        faults.add(new Fault(when, p -> true, answer, times));
        return this;
    }

    TrustApiServer faultOnPath(Predicate<String> path, int times, Function<RecordedRequest, MockResponse> answer) {
        faults.add(new Fault(r -> true, path, answer, times));
        return this;
    }

    /** The stored state at a path, as CRUD mode answers a GET, without faults or policy. */
    String stored(String path) {
        return new String(crud.handleGet(path).getBody().getBytes(), StandardCharsets.UTF_8);
    }

    int port() {
        return server.getPort();
    }

    Path kubeconfig() {
        return kubeconfig;
    }

    List<Seen> seen() {
        synchronized (seen) {
            return List.copyOf(seen);
        }
    }

    Result run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--kubeconfig");
        all.add(kubeconfig.toString());
        return Result.of(all.toArray(String[]::new));
    }

    @Override
    public MockResponse dispatch(RecordedRequest r) {
        ApiRequest a = ApiRequest.of(r.getMethod(), r.getPath());
        MockResponse resp = answer(r, a);
        seen.add(new Seen(r.getMethod(), r.getPath(), a, resp.code()));
        return resp;
    }

    private MockResponse answer(RecordedRequest r, ApiRequest a) {
        synchronized (faults) {
            for (Fault f : faults) {
                if (f.times != 0 && f.when.test(a) && f.path.test(r.getPath())) {
                    if (f.times > 0) {
                        f.times--;
                    }
                    return f.answer.apply(r);
                }
            }
        }
        RbacPolicy p = policy;
        if (p != null && !p.allows(a)) {
            return status(403, "Forbidden", a.resource() + " is forbidden: User \"tester\" cannot " + a.verb() + " resource \""
                    + a.resource() + "\"" + (a.namespace() == null ? " at the cluster scope" : " in the namespace \""
                    + a.namespace() + "\""));
        }
        if (a.resource() != null && a.resource().equals("selfsubjectaccessreviews") && r.getMethod().equals("POST")) {
            return accessReview(r.getBody() == null ? "{}" : new String(r.getBody().getBytes(), StandardCharsets.UTF_8), p);
        }
        if (r.getMethod().equals("PATCH") && r.getPath().contains("dryRun=All")) {
            // CRUD mode would store a dry-run patch; a real server only validates it.
            return crud.handleGet(r.getPath().substring(0, r.getPath().indexOf('?')));
        }
        return crud.dispatch(r);
    }

    private MockResponse accessReview(String body, RbacPolicy p) {
        try {
            ObjectNode review = (ObjectNode) JSON.readTree(body);
            JsonNode attrs = review.path("spec").path("resourceAttributes");
            ApiRequest asked = new ApiRequest(attrs.path("verb").asText(), attrs.path("group").asText(),
                    attrs.path("namespace").asText(null), attrs.path("resource").asText(), attrs.path("name").asText(null),
                    attrs.path("subresource").asText("").isEmpty() ? null : attrs.path("subresource").asText());
            boolean allowed = p == null || p.allows(asked);
            review.putObject("status").put("allowed", allowed);
            return new MockResponse().setResponseCode(201).setBody(JSON.writeValueAsString(review));
        } catch (IOException e) {
            return status(400, "BadRequest", e.getMessage());
        }
    }

    static MockResponse status(int code, String reason, String message) {
        return io.injectordoctor.testing.ApiStatus.response(code, reason, message);
    }

    @Override
    public void close() {
        client.close();
        server.destroy();
        try {
            Files.deleteIfExists(kubeconfig);
        } catch (IOException ignored) {
            // a temp file
        }
    }
}
