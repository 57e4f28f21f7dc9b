package io.injectordoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.injectordoctor.ExitCode;
import io.injectordoctor.mutation.Fixtures;
import io.injectordoctor.mutation.GateResult;
import io.fabric8.zjsonpatch.JsonPatch;
import io.injectordoctor.mutation.Manifests;
import io.injectordoctor.mutation.PodTemplates;
import io.injectordoctor.mutation.ReferenceGate;
import io.injectordoctor.mesh.RuleSet;
import io.injectordoctor.serve.TestTls;
import io.injectordoctor.serve.WebhookServer;
import java.io.ByteArrayInputStream;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plays the API server against {@code serve}: AdmissionReviews over real TLS, answers checked
 * against the decision and against what {@code inject -f} prints for the same pod.
 */
class ServeCommandTest {
    private static final List<String> SCENARIOS = List.of("pod.yaml", "opted-out.yaml", "host-network.yaml",
            "already-injected.yaml");

    @TempDir
    Path dir;

    /** Runs serve in the background until {@code body} returns, then stops it; returns its result. */
    private CommandHarness.Result serve(ServeBody body, String... extra) throws Exception {
        TestTls tls = new TestTls(dir);
        CountDownLatch stop = new CountDownLatch(1);
        CompletableFuture<WebhookServer> started = new CompletableFuture<>();
        ServeCommand cmd = new ServeCommand(stop, started::complete);
        List<String> args = new java.util.ArrayList<>(List.of("--tls-cert", tls.certFile.toString(),
                "--tls-key", tls.keyFile.toString(), "--port", "0", "--address", "localhost"));
        args.addAll(List.of(extra));
        CompletableFuture<CommandHarness.Result> run = CompletableFuture.supplyAsync(
                () -> CommandHarness.run(cmd, args.toArray(String[]::new)));
        try {
            WebhookServer server = CompletableFuture.anyOf(started, run).get(30, TimeUnit.SECONDS) instanceof WebhookServer s
                    ? s : null;
            if (server != null) {
                body.run(TestTls.client(tls.root), server.address().getPort());
            }
        } finally {
            stop.countDown();
        }
        return run.get(30, TimeUnit.SECONDS);
    }

    interface ServeBody {
        void run(HttpClient client, int port) throws Exception;
    }

    @Test
    void answersAgreeWithTheDecisionAndPatchesYieldWhatInjectPrints() throws Exception {
        ReferenceGate gate = ReferenceGate.kubeInject(RuleSet.ISTIO_1_27_PLUS);
        CommandHarness.Result r = serve((client, port) -> {
            for (String fixture : SCENARIOS) {
                ObjectNode pod = Fixtures.object(fixture);
                PodTemplates.PodTarget t = PodTemplates.find(pod.deepCopy()).orElseThrow();
                GateResult verdict = gate.decide(t.metadata(), t.spec(), "shop");

                HttpResponse<String> resp = TestTls.post(client, port, "/inject", "application/json",
                        TestTls.review("uid-" + fixture, "shop", pod));
                assertThat(resp.statusCode()).isEqualTo(200);
                JsonNode answer = TestTls.json(resp.body());
                assertThat(answer.path("response").path("uid").asText()).isEqualTo("uid-" + fixture);
                assertThat(answer.path("response").path("allowed").asBoolean()).isTrue();
                JsonNode patch = TestTls.patch(answer);
                assertThat(patch != null).as(fixture).isEqualTo(verdict.inject());

                CommandHarness.Result printed = CommandHarness.run(new InjectCommand(
                        new ByteArrayInputStream(Fixtures.text(fixture).getBytes(StandardCharsets.UTF_8))), "-f", "-");
                JsonNode expected = Manifests.parse(printed.out()).get(0);
                JsonNode served = patch == null ? pod : JsonPatch.apply(patch, pod);
                assertThat(served).as(fixture).isEqualTo(expected);
            }
            assertThat(TestTls.get(client, port, "/ready").statusCode()).isEqualTo(200);
            assertThat(TestTls.post(client, port, "/inject", "application/json", "{").statusCode()).isEqualTo(400);
        });
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCode.OK);
        assertThat(r.out()).contains("serving the reference injector on https://localhost:")
                .contains("uid-pod.yaml Pod/shop/web in shop: injected")
                .contains("uid-opted-out.yaml Pod/shop/batch in shop: not injected: The pod annotation")
                .contains("400 the body is not JSON");
        assertThat(r.out() + r.err()).doesNotContain("PRIVATE KEY");
    }

    /**
     * The explain scenarios the API server would send to the injector (Stage A matched): the truth
     * table's matching rows under both policies and the two security rules. serve's answer must be
     * explain's verdict for the same cluster state.
     */
    @Test
    void servedAnswersAgreeWithExplainOnEveryScenarioThatReachesTheInjector() throws Exception {
        com.fasterxml.jackson.databind.ObjectMapper yaml =
                new com.fasterxml.jackson.databind.ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory());
        int compared = 0;
        for (String policy : List.of("enabled", "disabled")) {
            StringBuilder cluster = new StringBuilder(io.injectordoctor.testing.Fixtures.legacyInjector(policy,
                    "docker.io/istio/sidecar_injector:1.4.10"));
            cluster.append("---\n").append(io.injectordoctor.testing.Fixtures.namespace("demo", "istio-injection", "enabled"));
            cluster.append("---\n").append(io.injectordoctor.testing.Fixtures.namespace("kube-system", "istio-injection", "enabled"));
            List<String[]> pods = new java.util.ArrayList<>();
            for (String annotation : new String[] {"true", "false", null}) {
                pods.add(new String[] {"demo", "app-" + annotation, annotation, "false"});
            }
            pods.add(new String[] {"kube-system", "system-app", "true", "false"});
            pods.add(new String[] {"demo", "host-app", "true", "true"});
            for (String[] p : pods) {
                cluster.append("---\n").append(io.injectordoctor.testing.Fixtures.pod(p[0], p[1], p[2],
                        Boolean.parseBoolean(p[3]), false));
            }
            Path snapshot = dir.resolve("cluster-" + policy + ".yaml");
            Files.writeString(snapshot, cluster.toString());
            java.util.Map<String, Boolean> verdicts = new java.util.HashMap<>();
            for (String[] p : pods) {
                io.injectordoctor.testing.MockCluster.Result explained = io.injectordoctor.testing.MockCluster.Result.of(
                        "explain", "pod/" + p[1], "-n", p[0], "-o", "json", "--snapshot", snapshot.toString());
                verdicts.put(p[1], TestTls.json(explained.out()).path("reference").path("inject").asBoolean());
            }
            String docs = Files.readString(snapshot);
            CommandHarness.Result r = serve((client, port) -> {
                for (String doc : docs.split("---\n")) {
                    JsonNode o = yaml.readTree(doc);
                    if (!"Pod".equals(o.path("kind").asText())) {
                        continue;
                    }
                    String name = o.path("metadata").path("name").asText();
                    if (!verdicts.containsKey(name)) {
                        // The injector's own pod: not one of the cases compared here.
                        continue;
                    }
                    JsonNode answer = TestTls.json(TestTls.post(client, port, "/inject", "application/json",
                            TestTls.review("uid-" + name, o.path("metadata").path("namespace").asText(), o)).body());
                    assertThat(answer.path("response").path("allowed").asBoolean()).isTrue();
                    assertThat(TestTls.patch(answer) != null).as("%s under policy %s", name, policy)
                            .isEqualTo(verdicts.get(name));
                }
            }, "--snapshot", snapshot.toString());
            assertThat(r.code()).as(r.err()).isEqualTo(ExitCode.OK);
            compared += pods.size();
        }
        assertThat(compared).isEqualTo(10);
    }

    @Test
    void theConfigmapPolicyDecidesWhenASnapshotIsGiven() throws Exception {
        Path snapshot = dir.resolve("snapshot.yaml");
        Files.writeString(snapshot, Fixtures.text("snapshot.yaml"));
        // that configmap says policy: disabled, so a pod without an explicit choice is left alone
        CommandHarness.Result r = serve((client, port) -> {
            JsonNode answer = TestTls.json(TestTls.post(client, port, "/inject", "application/json",
                    TestTls.review("u1", "shop", Fixtures.object("pod.yaml"))).body());
            assertThat(answer.path("response").path("allowed").asBoolean()).isTrue();
            assertThat(TestTls.patch(answer)).isNull();
        }, "--snapshot", snapshot.toString());
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCode.OK);
        assertThat(r.out()).contains("mirror.example.com/istio/proxyv2:1.29.2").contains("policy is disabled");
    }

    @Test
    void unusableKeyFilesFailWithoutShowingThem() throws Exception {
        TestTls tls = new TestTls(dir);
        Path garbage = dir.resolve("garbage.key");
        Files.writeString(garbage, "-----BEGIN PRIVATE KEY-----\nU0VDUkVUU1RVRkY=\n-----END PRIVATE KEY-----\n");
        CommandHarness.Result r = CommandHarness.run(new ServeCommand(new CountDownLatch(0), s -> { }),
                "--tls-cert", tls.certFile.toString(), "--tls-key", garbage.toString(), "--port", "0");
        assertThat(r.code()).isEqualTo(ExitCode.DATA);
        assertThat(r.err()).isEqualTo("error: " + garbage + ": not a PEM private key file\n");

        CommandHarness.Result missing = CommandHarness.run(new ServeCommand(new CountDownLatch(0), s -> { }),
                "--tls-cert", tls.certFile.toString(), "--tls-key", dir.resolve("none.key").toString());
        assertThat(missing.code()).isEqualTo(ExitCode.DATA);
        assertThat(missing.err()).contains("none.key: no such file");

        CommandHarness.Result noKey = CommandHarness.run(new ServeCommand(new CountDownLatch(0), s -> { }),
                "--tls-cert", tls.certFile.toString());
        assertThat(noKey.code()).isEqualTo(ExitCode.USAGE);
    }

    @Test
    void helpHasExamples() {
        CommandHarness.Result r = CommandHarness.run(new ServeCommand(), "--help");
        assertThat(r.out()).contains("Examples:").contains("serve --tls-cert tls.crt --tls-key tls.key");
    }
}
