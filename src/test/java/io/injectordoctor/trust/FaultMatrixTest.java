package io.injectordoctor.trust;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.mockwebserver.http.MockResponse;
import io.injectordoctor.testing.MockCluster.Result;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Programmed failures of the API server: each gives one line on stderr, the documented exit code,
 * partial results where the rest could be read, and a stack trace only with --debug.
 */
class FaultMatrixTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PODS = "/api/v1/pods";

    private final TrustCluster cluster = new TrustCluster();
    private TrustApiServer api;

    @BeforeEach
    void start() {
        api = new TrustApiServer().apply(TrustCluster.join(cluster.install(), cluster.controlPlane(), TrustCluster.apps()));
    }

    @AfterEach
    void stop() {
        api.close();
    }

    static void assertOneLineError(Result r, int code, String... fragments) {
        assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(code);
        assertThat(r.err().lines().toList()).as(r.err()).hasSize(1).first().asString().startsWith("error: ").contains(fragments);
        assertThat(r.err()).doesNotContain("\tat ");
    }

    private long hits(String pathPrefix) {
        return api.seen().stream().filter(s -> s.path().startsWith(pathPrefix)).count();
    }

    private static MockResponse status(int code, String message) {
        return TrustApiServer.status(code, "Failure", message);
    }

    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = {500, 503})
    void serverErrorsAreExit69WithAStackTraceOnlyWithDebug(int code) {
        api.faultOnPath(p -> p.startsWith(PODS), -1, r -> status(code, "etcdserver: request timed out"));
        Result r = api.run("explain", "pods", "-A");
        assertOneLineError(r, 69, "failed to list pods", "HTTP " + code, "etcdserver: request timed out");
        // 503 is retried (three attempts in all); 500 is not.
        assertThat(hits(PODS)).isEqualTo(code == 503 ? 3 : 1);
        Result debug = api.run("explain", "pods", "-A", "--debug");
        assertThat(debug.exitCode()).isEqualTo(69);
        assertThat(debug.err()).startsWith("error: ").contains("\tat ");
    }

    @Test
    void tooManyRequestsIsRetriedAfterRetryAfterAndThenSucceeds() {
        api.faultOnPath(p -> p.startsWith(PODS), 2, r -> status(429, "too many requests").setHeader("Retry-After", "1"));
        Result r = api.run("explain", "pods", "-A", "-o", "json");
        assertThat(r.exitCode()).as(r.err()).isIn(0, 1);
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).contains("\"web\"");
        assertThat(hits(PODS)).isEqualTo(3);
    }

    @Test
    void tooManyRequestsForeverStopsAfterTheBound() {
        api.faultOnPath(p -> p.startsWith(PODS), -1, r -> status(429, "too many requests").setHeader("Retry-After", "1"));
        Result r = api.run("explain", "pods", "-A");
        assertOneLineError(r, 69, "HTTP 429");
        assertThat(hits(PODS)).isEqualTo(3);
    }

    @Test
    void unauthorisedIsExit77ForEveryCommand() {
        api.fault(a -> true, -1, r -> status(401, "Unauthorized"));
        for (List<String> cmd : List.of(List.of("explain", "pods", "-A"), List.of("check"), List.of("check-certs", "--no-probe"),
                List.of("restart-injector", "--dry-run"))) {
            Result r = api.run(cmd.toArray(String[]::new));
            assertOneLineError(r, 77, "unauthorised");
        }
    }

    /** Every kind check reads, refused in turn: the checks that need it are skipped with the reason, the rest run. */
    @ParameterizedTest(name = "403 on {0}")
    @ValueSource(strings = {"namespaces", "pods", "deployments", "statefulsets", "daemonsets", "replicasets", "jobs",
        "mutatingwebhookconfigurations", "configmaps", "services", "endpoints", "endpointslices", "events"})
    void checkSkipsWhatDependsOnARefusedKind(String resource) throws IOException {
        api.fault(a -> resource.equals(a.resource()), -1, r -> status(403, resource + " is forbidden"));
        Result r = api.run("check", "-o", "json");
        // The missing permission is a warning (ID0102) and the cluster is otherwise healthy: exit 0.
        assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
        JsonNode report = JSON.readTree(r.out());
        String text = report.toString();
        assertThat(text).contains("forbidden: cannot list " + resource);
        List<JsonNode> checks = report.findValues("checks").stream().flatMap(c -> toList(c).stream()).toList();
        JsonNode permissions = checks.stream().filter(c -> c.path("id").asText().equals("ID0102")).findFirst().orElseThrow();
        assertThat(permissions.path("result").asText()).isEqualTo("warning");
        assertThat(permissions.toString()).contains("cannot list " + resource);
        List<JsonNode> skipped = checks.stream().filter(c -> c.path("result").asText().equals("skipped")).toList();
        // A check is skipped only because of the refused kind (directly or through a prerequisite), and says so.
        assertThat(skipped).allSatisfy(c -> assertThat(c.path("skipReason").asText()).containsAnyOf(resource, "prerequisite"));
        if (SKIPPING.contains(resource)) {
            assertThat(skipped).isNotEmpty();
        }
        // Partial results: the checks that do not depend on it still ran.
        assertThat(checks.size() - skipped.size()).isGreaterThan(1);
        Result text2 = api.run("check");
        assertThat(text2.exitCode()).isEqualTo(r.exitCode());
    }

    /** Kinds some check of the catalogue reads: today, every kind check loads. */
    private static final java.util.Set<String> SKIPPING = java.util.Set.of("namespaces", "pods", "deployments",
            "statefulsets", "daemonsets", "replicasets", "jobs", "mutatingwebhookconfigurations", "configmaps", "services",
            "endpoints", "endpointslices", "events");

    private static List<JsonNode> toList(JsonNode n) {
        List<JsonNode> out = new java.util.ArrayList<>();
        n.forEach(out::add);
        return out;
    }

    @ParameterizedTest(name = "403 on {0}")
    @ValueSource(strings = {"namespaces", "pods", "mutatingwebhookconfigurations", "configmaps"})
    void explainStopsWith77NamingResourceAndVerb(String resource) {
        api.fault(a -> resource.equals(a.resource()), -1, r -> status(403, resource + " is forbidden"));
        Result one = api.run("explain", "pod/web", "-n", "shop");
        assertOneLineError(one, 77, "forbidden: cannot ", " " + resource, "needs RBAC verb");
        Result all = api.run("explain", "pods", "-A");
        assertOneLineError(all, 77, "forbidden: cannot list " + resource);
    }

    @Test
    void connectionRefusedIsExit69ForEveryCommand() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path kc = Files.createTempFile("injector-doctor-refused", ".kubeconfig");
        Files.writeString(kc, TrustCluster.kubeconfig(port, "t"));
        for (List<String> cmd : List.of(List.of("explain", "pods", "-A"), List.of("explain", "pod/web", "-n", "shop"),
                List.of("check"), List.of("check-certs", "--no-probe"), List.of("restart-injector", "--dry-run"))) {
            String[] args = java.util.stream.Stream.concat(cmd.stream(), java.util.stream.Stream.of("--kubeconfig", kc.toString(),
                    "--request-timeout", "2")).toArray(String[]::new);
            Result r = Result.of(args);
            assertOneLineError(r, 69, "cannot reach the API server");
            if (!cmd.get(0).equals("restart-injector")) {
                assertThat(r.err()).contains("127.0.0.1:" + port);
            }
        }
        Files.delete(kc);
    }

    /** A server that sends the start of a LIST and then resets the connection. */
    @Test
    void connectionResetMidListIsExit69() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            Thread t = new Thread(() -> {
                while (!server.isClosed()) {
                    try (Socket s = server.accept()) {
                        InputStream in = s.getInputStream();
                        in.read(new byte[8192]);
                        OutputStream out = s.getOutputStream();
                        out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n"
                                + "{\"kind\":\"NamespaceList\",\"items\":[{\"metadata\":{\"name\":\"a\"}},")
                                .getBytes(StandardCharsets.US_ASCII));
                        out.flush();
                        s.setSoLinger(true, 0);
                    } catch (IOException ignored) {
                        // the test closes the server
                    }
                }
            });
            t.setDaemon(true);
            t.start();
            Path kc = Files.createTempFile("injector-doctor-reset", ".kubeconfig");
            Files.writeString(kc, TrustCluster.kubeconfig(server.getLocalPort(), "t"));
            Result r = Result.of("explain", "pods", "-A", "--kubeconfig", kc.toString(), "--request-timeout", "3");
            assertOneLineError(r, 69, "cannot reach the API server");
            Result check = Result.of("check", "--kubeconfig", kc.toString(), "--request-timeout", "3");
            assertOneLineError(check, 69, "cannot reach the API server");
            Files.delete(kc);
        }
    }

    @Test
    void aResponseSlowerThanTheRequestTimeoutIsExit69() {
        api.faultOnPath(p -> p.startsWith(PODS), -1, r -> new MockResponse().setResponseCode(200)
                .setBody("{\"kind\":\"PodList\",\"items\":[]}").setBodyDelay(8, TimeUnit.SECONDS));
        long t0 = System.nanoTime();
        Result r = api.run("explain", "pods", "-A", "--request-timeout", "1");
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - t0);
        assertOneLineError(r, 69, "cannot reach the API server");
        // Loose upper bound: the timeout plus start-up, not the 8 s the server would take.
        assertThat(seconds).isLessThan(1 + 10);
    }

    /** The first page carries a continue token; following it gets 410; the list restarts once and completes. */
    @Test
    void anExpiredContinueTokenRestartsTheListOnce() throws IOException {
        String fullList = api.stored(PODS);
        ObjectNode firstPage = (ObjectNode) JSON.readTree(fullList);
        JsonNode first = firstPage.get("items").get(0);
        firstPage.putArray("items").add(first);
        ((ObjectNode) firstPage.get("metadata")).put("continue", "token-1");
        api.faultOnPath(p -> p.startsWith(PODS + "?") && !p.contains("continue="), 1,
                r -> new MockResponse().setResponseCode(200).setBody(firstPage.toString()));
        api.faultOnPath(p -> p.startsWith(PODS + "?") && p.contains("continue=token-1"), 1,
                r -> status(410, "The provided continue parameter is too old"));
        Result r = api.run("explain", "pods", "-A", "-o", "json");
        assertThat(r.exitCode()).as(r.err()).isIn(0, 1);
        JsonNode out = JSON.readTree(r.out());
        // Every pod once: the partial first page was dropped when the list restarted.
        List<String> names = out.findValues("name").stream().map(JsonNode::asText).toList();
        assertThat(names.stream().filter(n -> n.equals(first.path("metadata").path("name").asText()))).hasSize(1);
        assertThat(r.out()).contains("\"web\"", "\"api\"", "\"istiod-1\"");
        assertThat(hits(PODS)).isEqualTo(3);
    }

    @Test
    void aClusterWithoutAdmissionregistrationV1IsReadThroughV1beta1() throws IOException {
        String v1 = api.stored("/apis/admissionregistration.k8s.io/v1/mutatingwebhookconfigurations");
        String v1beta1 = v1.replace("admissionregistration.k8s.io/v1", "admissionregistration.k8s.io/v1beta1");
        api.faultOnPath(p -> p.startsWith("/apis/admissionregistration.k8s.io/v1/"), -1,
                r -> status(404, "the server could not find the requested resource"));
        api.faultOnPath(p -> p.startsWith("/apis/admissionregistration.k8s.io/v1beta1/mutatingwebhookconfigurations"), -1,
                r -> new MockResponse().setResponseCode(200).setBody(v1beta1));
        Result r = api.run("explain", "pod/web", "-n", "shop", "-o", "json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(JSON.readTree(r.out()).path("reference").path("inject").asBoolean()).isTrue();
        Result check = api.run("check");
        assertThat(check.exitCode()).as(check.out() + check.err()).isIn(0, 1);
        assertThat(check.out()).contains("√ ID0201");
        assertThat(hits("/apis/admissionregistration.k8s.io/v1beta1/")).isGreaterThanOrEqualTo(2);
    }

    @Test
    void objectsWithMissingFieldsAreReadNotCrashedOn() {
        try (TrustApiServer bare = new TrustApiServer()) {
            bare.apply("""
                    apiVersion: v1
                    kind: Namespace
                    metadata: {name: shop}
                    ---
                    apiVersion: v1
                    kind: Pod
                    metadata: {name: nospec, namespace: shop}
                    ---
                    apiVersion: v1
                    kind: Pod
                    metadata: {name: nolabels, namespace: shop}
                    spec: {containers: [{name: app}]}
                    ---
                    apiVersion: admissionregistration.k8s.io/v1
                    kind: MutatingWebhookConfiguration
                    metadata: {name: istio-sidecar-injector}
                    webhooks:
                    - name: sidecar-injector.istio.io
                      admissionReviewVersions: [v1]
                      sideEffects: None
                    ---
                    apiVersion: apps/v1
                    kind: Deployment
                    metadata: {name: nothing, namespace: shop}
                    ---
                    apiVersion: v1
                    kind: ConfigMap
                    metadata: {name: istio-sidecar-injector, namespace: istio-system}
                    """);
            for (List<String> cmd : List.of(List.of("explain", "pods", "-A"), List.of("explain", "pod/nospec", "-n", "shop"),
                    List.of("explain", "deployment/nothing", "-n", "shop"), List.of("check"),
                    List.of("check-certs", "--no-probe"))) {
                Result r = bare.run(cmd.toArray(String[]::new));
                assertThat(r.exitCode()).as("%s: %s%s", cmd, r.out(), r.err()).isIn(0, 1);
                assertThat(r.err()).as("%s", cmd).doesNotContain("internal error").doesNotContain("\tat ");
            }
        }
    }

    /** A page of the pod list as the API server sends one; items named after {@code names}. */
    private static String podPage(String cont, String... names) {
        StringBuilder items = new StringBuilder();
        for (String n : names) {
            items.append(items.length() == 0 ? "" : ",").append("{\"metadata\":{\"name\":\"").append(n)
                    .append("\",\"namespace\":\"shop\"}}");
        }
        return "{\"kind\":\"PodList\",\"apiVersion\":\"v1\",\"metadata\":{\"continue\":\"" + cont + "\"},\"items\":["
                + items + "]}";
    }

    private static MockResponse ok(String body) {
        return new MockResponse().setResponseCode(200).setBody(body);
    }

    /** A continue token that comes back is a loop: stopped at once, after the second page. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"explain pods -A", "check"})
    void aRepeatedContinueTokenStopsThePaging(String command) {
        api.faultOnPath(p -> p.startsWith(PODS + "?"), -1, r -> ok(podPage("again", "web")));
        Result r = api.run(command.split(" "));
        assertOneLineError(r, 69, "sent a bad answer to list pods", "GET " + PODS, "the same continue token again after 2 pages");
        assertThat(hits(PODS)).isEqualTo(2);
    }

    /** Empty pages that always carry a new token: stopped after a fixed number of pages, not read forever. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"explain pods -A -o json", "check"})
    void pagesWithoutItemsButWithATokenStopAfterABound(String command) {
        java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
        api.faultOnPath(p -> p.startsWith(PODS + "?"), -1, r -> ok(podPage("t" + n.incrementAndGet())));
        Result r = api.run(command.split(" "));
        assertOneLineError(r, 69, "the API server keeps paging: 6 pages held only 0 items; stopped");
        assertThat(hits(PODS)).isEqualTo(6);
        assertThat(r.out().length()).as("no unbounded output").isLessThan(2_000);
    }

    /** A 200 whose body is not the list asked for is the server's bad data, never an empty list. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"{}", "[]", "{\"kind\":\"Status\",\"status\":\"Failure\",\"message\":\"etcd is gone\"}",
        "{\"kind\":\"PodList\",\"items\":null}", "{\"kind\":\"PodList\",\"items\":[\"web\"]}",
        "{\"kind\":\"PodList\",\"items\":[{\"metadata\":{\"namespace\":\"shop\"}}]}", "<html>proxy login</html>"})
    void aListAnswerThatIsNotAListIsAnError(String body) {
        api.faultOnPath(p -> p.startsWith(PODS + "?"), -1, r -> ok(body));
        for (String command : List.of("explain pods -A", "check -o json")) {
            Result r = api.run(command.split(" "));
            assertOneLineError(r, 69, "sent a bad answer to list pods", "GET " + PODS);
            assertThat(r.err()).containsAnyOf("not a JSON object", "is a Status, not a list: etcd is gone", "'items' is null",
                    "item 1 is not an object", "item 1 has no metadata.name", "has no 'items'", "the answer is not JSON");
            assertThat(r.out()).doesNotContain("consistent");
        }
    }

    /** Retry-After values that are negative, absurd or overflow are clamped; the retries stay bounded. */
    @ParameterizedTest(name = "Retry-After: {0}")
    @ValueSource(strings = {"-30", "99999999999999999999999", "Mon, 01 Jan 1990 00:00:00 GMT", "soon"})
    void anOddRetryAfterIsClamped(String retryAfter) {
        api.faultOnPath(p -> p.startsWith(PODS), 1, r -> status(429, "too many requests").setHeader("Retry-After", retryAfter));
        Result r = api.run("explain", "pods", "-A", "-o", "json");
        assertThat(r.exitCode()).as(r.err()).isIn(0, 1);
        assertThat(r.err()).isEmpty();
        assertThat(hits(PODS)).isEqualTo(2);
    }

    /** restart-injector reads through the same loader: its webhook list is retried under the same bound. */
    @Test
    void restartInjectorsReadsRetryUnderTheSamePolicy() {
        String hooks = "/apis/admissionregistration.k8s.io/v1/mutatingwebhookconfigurations";
        api.faultOnPath(p -> p.startsWith(hooks), 2, r -> status(503, "the server is starting").setHeader("Retry-After", "0"));
        Result r = api.run("restart-injector", "--dry-run");
        assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("nothing was restarted");
        assertThat(hits(hooks)).isEqualTo(3);
        api.faultOnPath(p -> p.startsWith(hooks), -1, r2 -> status(429, "slow down").setHeader("Retry-After", "0"));
        long before = hits(hooks);
        assertOneLineError(api.run("restart-injector", "--dry-run"), 69, "HTTP 429");
        assertThat(hits(hooks) - before).isEqualTo(3);
    }
}
