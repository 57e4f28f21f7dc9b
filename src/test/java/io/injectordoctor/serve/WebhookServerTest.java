package io.injectordoctor.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.injectordoctor.certs.Pki;
import io.injectordoctor.mutation.Fixtures;
import io.injectordoctor.mutation.GateResult;
import io.injectordoctor.mutation.InjectionGate;
import io.injectordoctor.mutation.InjectionSettings;
import io.injectordoctor.mutation.Injector;
import io.fabric8.zjsonpatch.JsonPatch;
import io.injectordoctor.mutation.PodTemplates;
import io.injectordoctor.mutation.ReferenceGate;
import io.injectordoctor.mutation.SidecarMutationAccess;
import io.injectordoctor.mesh.RuleSet;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The webhook over real TLS, with the reference decision as its gate. */
class WebhookServerTest {
    private static final InjectionGate GATE = ReferenceGate.kubeInject(RuleSet.ISTIO_1_27_PLUS);
    private static final InjectionSettings SETTINGS = InjectionSettings.defaults();
    private static final List<String> LOG = new CopyOnWriteArrayList<>();

    @TempDir
    static Path dir;
    static TestTls tls;
    static WebhookServer server;
    static HttpClient client;
    static int port;

    @BeforeAll
    static void start() throws Exception {
        tls = new TestTls(dir);
        server = WebhookServer.start(new InetSocketAddress(InetAddress.getByName("localhost"), 0),
                TlsContexts.server(tls.certFile, tls.keyFile), new AdmissionHandler(new Injector(GATE, SETTINGS)),
                LOG::add);
        port = server.address().getPort();
        client = TestTls.client(tls.root);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"pod.yaml", "opted-out.yaml", "host-network.yaml", "already-injected.yaml"})
    void answerAgreesWithTheGateAndThePatchYieldsTheMutation(String fixture) throws Exception {
        ObjectNode pod = Fixtures.object(fixture);
        PodTemplates.PodTarget t = PodTemplates.find(pod.deepCopy()).orElseThrow();
        GateResult verdict = GATE.decide(t.metadata(), t.spec(), "shop");

        HttpResponse<String> r = TestTls.post(client, port, "/inject", "application/json",
                TestTls.review("uid-" + fixture, "shop", pod));
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode answer = TestTls.json(r.body());
        assertThat(answer.path("apiVersion").asText()).isEqualTo("admission.k8s.io/v1");
        assertThat(answer.path("kind").asText()).isEqualTo("AdmissionReview");
        assertThat(answer.path("response").path("uid").asText()).isEqualTo("uid-" + fixture);
        assertThat(answer.path("response").path("allowed").asBoolean()).isTrue();
        JsonNode patch = TestTls.patch(answer);
        assertThat(patch != null).isEqualTo(verdict.inject());
        if (verdict.inject()) {
            assertThat(answer.path("response").path("patchType").asText()).isEqualTo("JSONPatch");
            assertThat(JsonPatch.apply(patch, pod)).isEqualTo(SidecarMutationAccess.inject(pod, SETTINGS, "shop"));
        } else {
            assertThat(answer.path("response").has("patchType")).isFalse();
        }
    }

    @Test
    void expectedVerdictsForTheScenarioPods() throws Exception {
        assertThat(verdict("pod.yaml")).isTrue();
        assertThat(verdict("already-injected.yaml")).isTrue();
        assertThat(verdict("opted-out.yaml")).isFalse();
        assertThat(verdict("host-network.yaml")).isFalse();
    }

    private static boolean verdict(String fixture) throws Exception {
        ObjectNode pod = Fixtures.object(fixture);
        HttpResponse<String> r = TestTls.post(client, port, "/inject", "application/json", TestTls.review("u", "shop", pod));
        return TestTls.patch(TestTls.json(r.body())) != null;
    }

    @Test
    void anInjectedPodPostedAgainNeedsNoPatch() throws Exception {
        ObjectNode injected = SidecarMutationAccess.inject(Fixtures.object("pod.yaml"), SETTINGS, "shop");
        JsonNode answer = TestTls.json(TestTls.post(client, port, "/inject", "application/json",
                TestTls.review("again", "shop", injected)).body());
        assertThat(answer.path("response").path("allowed").asBoolean()).isTrue();
        assertThat(TestTls.patch(answer)).isNull();
    }

    @Test
    void badRequestsGet400WithAReason() throws Exception {
        String pod = Fixtures.object("pod.yaml").toString();
        assertBad(TestTls.post(client, port, "/inject", "application/json", "not json"), "not JSON");
        assertBad(TestTls.post(client, port, "/inject", "application/json", "[1,2]"), "not a JSON object");
        assertBad(TestTls.post(client, port, "/inject", "application/json",
                "{\"apiVersion\":\"admission.k8s.io/v1beta1\",\"kind\":\"AdmissionReview\",\"request\":{\"uid\":\"1\",\"object\":" + pod + "}}"),
                "expected apiVersion admission.k8s.io/v1");
        assertBad(TestTls.post(client, port, "/inject", "application/json",
                "{\"apiVersion\":\"admission.k8s.io/v1\",\"kind\":\"Pod\"}"), "kind AdmissionReview");
        assertBad(TestTls.post(client, port, "/inject", "application/json",
                "{\"apiVersion\":\"admission.k8s.io/v1\",\"kind\":\"AdmissionReview\",\"request\":{\"uid\":\"1\"}}"),
                "request.object is missing");
        assertBad(TestTls.post(client, port, "/inject", "application/json",
                "{\"apiVersion\":\"admission.k8s.io/v1\",\"kind\":\"AdmissionReview\",\"request\":{\"object\":" + pod + "}}"),
                "request.uid is missing");
        assertBad(TestTls.post(client, port, "/inject", "text/plain", TestTls.review("1", "shop", Fixtures.object("pod.yaml"))),
                "Content-Type must be application/json");
        assertBad(TestTls.get(client, port, "/inject"), "use POST");
        assertBad(TestTls.post(client, port, "/ready", "application/json", "{}"), "use GET");
        assertBad(TestTls.post(client, port, "/inject", "application/json", "{\"pad\":\"" + "x".repeat(WebhookServer.MAX_BODY) + "\"}"),
                "larger than");
        // after all of that, the server still answers
        assertThat(TestTls.get(client, port, "/ready").statusCode()).isEqualTo(200);
        assertThat(LOG).anyMatch(l -> l.startsWith("400 "));
    }

    @Test
    void probesAndUnknownPaths() throws Exception {
        HttpResponse<String> ready = TestTls.get(client, port, "/ready");
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(ready.body()).isEqualTo("ready\n");
        assertThat(TestTls.get(client, port, "/inject/extra").statusCode()).isEqualTo(404);
    }

    @Test
    void aClientThatDoesNotTrustTheRootCannotConnect() throws Exception {
        Instant now = Instant.now();
        Pki.Issued otherRoot = Pki.root("someone-else", now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(1)));
        HttpClient stranger = TestTls.client(otherRoot);
        assertThatThrownBy(() -> stranger.send(HttpRequest.newBuilder(URI.create("https://localhost:" + port + "/ready"))
                .build(), HttpResponse.BodyHandlers.ofString())).isInstanceOf(javax.net.ssl.SSLHandshakeException.class);
    }

    private static void assertBad(HttpResponse<String> r, String reason) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(r.body()).contains(reason);
    }
}
