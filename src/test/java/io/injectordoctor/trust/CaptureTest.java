package io.injectordoctor.trust;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.injectordoctor.ExitCode;
import io.injectordoctor.certs.Pki;
import io.injectordoctor.testing.MockCluster.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * snapshot -o FILE: written whole or not at all (a failed capture leaves the old file and no
 * temporary file), what it could not read is recorded and reported when read back, and credentials
 * outside Secrets are scrubbed, with the header saying what and how many, while what the diagnosis
 * reads (the injector's templates) survives intact.
 */
class CaptureTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @TempDir
    Path dir;

    private final TrustCluster cluster = new TrustCluster();
    private TrustApiServer api;

    /** Credentials where the cluster keeps them outside Secrets: env values, annotations, configmap data. */
    static final String JWT = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJzeXN0ZW06c2VydmljZWFjY291bnQ6c2hvcDp3ZWIifQ.c2lnbmF0dXJl";
    static final String BEARER = "Bearer 9f8e7d6c5b4a39281706f5e4d3c2b1a0";
    static final String ENV_SECRET = "db-password-7d1c95";
    static final String KUBE_TOKEN = "kc-token-51c0ffee51c0ffee";

    final Pki.Issued key = Pki.root("app-key", java.time.Instant.now().minusSeconds(60),
            java.time.Instant.now().plusSeconds(3600));

    String credentials() {
        String keyLines = key.keyPem().indent(6);
        return """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: leaky
                  namespace: shop
                  annotations:
                    example.com/jwt: "%1$s"
                    example.com/auth: "%2$s"
                    example.com/key: |
                %3$s    kubectl.kubernetes.io/last-applied-configuration: '{"spec":{"containers":[{"env":[{"name":"DB_PASSWORD","value":"%4$s"}]}]}}'
                spec:
                  containers:
                  - name: app
                    image: app:1
                    env:
                    - {name: DB_PASSWORD, value: "%4$s"}
                    - name: FROM_SECRET
                      valueFrom: {secretKeyRef: {name: db, key: password}}
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: app-kubeconfig, namespace: istio-system}
                data:
                  kubeconfig: |
                    apiVersion: v1
                    users:
                    - name: ci
                      user:
                        token: %5$s
                        client-key-data: %6$s
                  auth.json: '{"token": "%5$s", "user": "ci"}'
                """.formatted(JWT, BEARER, keyLines, ENV_SECRET, KUBE_TOKEN, TrustCluster.b64(key.keyPem()));
    }

    List<String> secrets() {
        String keyBody = key.keyPem().lines().filter(l -> !l.startsWith("-----")).findFirst().orElseThrow();
        return List.of(JWT, BEARER.substring(7), ENV_SECRET, KUBE_TOKEN, "PRIVATE KEY", keyBody,
                TrustCluster.b64(key.keyPem()).substring(0, 40));
    }

    @BeforeEach
    void start() {
        api = new TrustApiServer().apply(TrustCluster.join(cluster.install(), cluster.controlPlane(), TrustCluster.apps(),
                credentials()));
    }

    @AfterEach
    void stop() {
        api.close();
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }

    @Test
    void aCaptureThatFailsPartWayLeavesTheOldFileAndNothingElse() throws IOException {
        Path out = dir.resolve("incident.yaml");
        Files.writeString(out, "the previous capture\n");
        // Pods are read after namespaces: the capture fails part-way with a bad answer.
        api.faultOnPath(p -> p.startsWith("/api/v1/pods"), -1, r -> new io.fabric8.mockwebserver.http.MockResponse().setResponseCode(200).setBody("{}"));
        Result r = api.run("snapshot", "-o", out.toString());
        FaultMatrixTest.assertOneLineError(r, ExitCode.UNAVAILABLE, "sent a bad answer to list pods");
        assertThat(api.seen()).anySatisfy(s -> assertThat(s.path()).startsWith("/api/v1/namespaces?"));
        assertThat(Files.readString(out)).isEqualTo("the previous capture\n");
        assertThat(files()).containsExactly(out);
        // Without an old file, none is made.
        Path fresh = dir.resolve("fresh.yaml");
        assertThat(api.run("snapshot", "-o", fresh.toString()).exitCode()).isEqualTo(ExitCode.UNAVAILABLE);
        assertThat(files()).containsExactly(out);
        // To standard output: nothing, rather than a document that stops short.
        Result stdout = api.run("snapshot", "-o", "-");
        assertThat(stdout.exitCode()).isEqualTo(ExitCode.UNAVAILABLE);
        assertThat(stdout.out()).isEmpty();
    }

    @Test
    void aCaptureThatSucceedsReplacesTheFileWhole() throws IOException {
        Path out = dir.resolve("incident.yaml");
        Files.writeString(out, "the previous capture\n");
        Result r = api.run("snapshot", "-o", out.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(files()).containsExactly(out);
        JsonNode list = YAML.readTree(out.toFile());
        assertThat(list.path("kind").asText()).isEqualTo("List");
        assertThat(list.path("capturedKinds")).isNotEmpty();
        Result stdout = api.run("snapshot", "-o", "-");
        assertThat(stdout.exitCode()).isZero();
        assertThat(YAML.readTree(stdout.out()).path("items").size()).isEqualTo(list.path("items").size());
    }

    /** A kind the API server failed to give: the capture is partial (2), says so, and reading it back says it too. */
    @Test
    void aPartialCaptureIsRecordedAndReportedWhenReadBack() throws IOException {
        api.fault(a -> "pods".equals(a.resource()), -1, r -> TrustApiServer.status(503, "Failure", "etcd timeout")
                .setHeader("Retry-After", "0"));
        api.fault(a -> "events".equals(a.resource()), -1, r -> TrustApiServer.status(403, "Forbidden", "no"));
        Path out = dir.resolve("partial.yaml");
        Result r = api.run("snapshot", "-o", out.toString());
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCode.PARTIAL);
        assertThat(r.err()).contains("not captured: the API server failed to list pods", "HTTP 503")
                .contains("not captured: forbidden: cannot list events");
        JsonNode list = YAML.readTree(out.toFile());
        assertThat(list.path("failedKinds").path("POD").asText()).contains("HTTP 503", "GET /api/v1/pods");
        assertThat(list.path("notCaptured").path("EVENT").asText()).contains("forbidden");
        assertThat(list.path("capturedKinds").toString()).doesNotContain("\"POD\"").contains("NAMESPACE");

        // check: the pod checks are skipped with the reason, the result is partial, as it was live.
        Result check = Result.of("check", "-o", "json", "--snapshot", out.toString());
        assertThat(check.exitCode()).as(check.out() + check.err()).isEqualTo(ExitCode.PARTIAL);
        JsonNode report = JSON.readTree(check.out());
        assertThat(report.path("notRead").get(0).asText()).contains("not in the snapshot", "HTTP 503");
        assertThat(report.toString()).contains("cannot read pods: not in the snapshot (when it was captured: the API"
                + " server failed to list pods");
        // explain needs the pods: the snapshot lacks them, said in one line.
        for (String[] cmd : new String[][] {{"explain", "pods", "-A"}, {"explain", "pod/web", "-n", "shop"}}) {
            Result explain = Result.of(Stream.concat(Stream.of(cmd), Stream.of("--snapshot", out.toString()))
                    .toArray(String[]::new));
            FaultMatrixTest.assertOneLineError(explain, ExitCode.DATA, "snapshot " + out + " lacks pods: not in the snapshot");
        }
    }

    /** A kind the capture was refused: explain still explains, and its notes say what the snapshot lacks. */
    @Test
    void explainSaysWhatTheSnapshotLacks() throws IOException {
        api.fault(a -> "events".equals(a.resource()), -1, r -> TrustApiServer.status(403, "Forbidden", "no"));
        Path out = dir.resolve("no-events.yaml");
        assertThat(api.run("snapshot", "-o", out.toString()).exitCode()).isZero();
        Result r = Result.of("explain", "pod/web", "-n", "shop", "-o", "json", "--snapshot", out.toString());
        assertThat(r.exitCode()).as(r.err()).isIn(0, 1);
        assertThat(JSON.readTree(r.out()).path("notes").toString()).contains("the snapshot lacks events: not in the"
                + " snapshot (when it was captured: forbidden: cannot list events");
        Result check = Result.of("check", "-o", "json", "--snapshot", out.toString());
        // A refused kind is no partial result (the leaky pod's missing sidecar is a finding: 1).
        assertThat(check.exitCode()).isEqualTo(ExitCode.FINDINGS);
        assertThat(JSON.readTree(check.out()).path("partial").asBoolean()).isFalse();
        assertThat(check.out()).contains("cannot list events: not in the snapshot (when it was captured: forbidden");
    }

    /** Through a symbolic link, the file it names is replaced; the link stays. */
    @Test
    void aLinkIsFollowed() throws IOException {
        Path real = dir.resolve("real.yaml");
        Files.writeString(real, "old\n");
        Path link = Files.createSymbolicLink(dir.resolve("link.yaml"), real);
        assertThat(api.run("snapshot", "-o", link.toString()).exitCode()).isZero();
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(real)).startsWith("# injector-doctor snapshot of ");
        assertThat(files()).containsExactly(link, real);
    }

    @Test
    void credentialsOutsideSecretsAreScrubbedAndTheHeaderCountsThem() throws IOException {
        Path out = dir.resolve("scrubbed.yaml");
        Result r = api.run("snapshot", "-o", out.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        String text = Files.readString(out);
        for (String s : secrets()) {
            assertThat(text).doesNotContain(s);
            assertThat(r.err()).doesNotContain(s);
        }
        JsonNode list = YAML.readTree(text);
        JsonNode scrubbed = list.path("metadata").path("scrubbed");
        assertThat(scrubbed.path("envValues").asInt()).isGreaterThanOrEqualTo(1);
        // The PEM block in an annotation, and its base64 in the configmap's kubeconfig.
        assertThat(scrubbed.path("privateKeys").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(scrubbed.path("tokens").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(scrubbed.path("kubeconfigCredentials").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(scrubbed.path("lastAppliedConfigurationsDropped").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(text).startsWith("# injector-doctor snapshot of ").contains("# Scrubbed before writing: ");
        assertThat(r.err()).contains("scrubbed: envValues ");

        JsonNode pod = item(list, "Pod", "leaky");
        JsonNode env = pod.path("spec").path("containers").get(0).path("env");
        assertThat(env.get(0).path("name").asText()).isEqualTo("DB_PASSWORD");
        assertThat(env.get(0).path("value").asText()).isEqualTo("<scrubbed>");
        // A reference is not a secret: it stays.
        assertThat(env.get(1).path("valueFrom").path("secretKeyRef").path("key").asText()).isEqualTo("password");
        assertThat(pod.path("metadata").path("annotations").path("example.com/auth").asText()).isEqualTo("Bearer <scrubbed>");
        assertThat(pod.path("metadata").path("annotations").has("kubectl.kubernetes.io/last-applied-configuration")).isFalse();
        JsonNode kubeconfig = item(list, "ConfigMap", "app-kubeconfig").path("data");
        assertThat(kubeconfig.path("kubeconfig").asText()).contains("    token: <scrubbed>", "- name: ci");
        assertThat(kubeconfig.path("auth.json").asText()).isEqualTo("{\"token\": \"<scrubbed>\", \"user\": \"ci\"}");

        // What the diagnosis reads survives intact: the injector's configmap, byte for byte.
        JsonNode stored = JSON.readTree(api.stored("/api/v1/namespaces/istio-system/configmaps/istio-sidecar-injector"));
        assertThat(item(list, "ConfigMap", "istio-sidecar-injector").path("data")).isEqualTo(stored.path("data"));
    }

    /** Scrubbing changes nothing a diagnosis reads: the capture explains and checks like the live cluster. */
    @Test
    void aScrubbedCaptureGivesTheLiveAnswers() throws IOException {
        Path out = dir.resolve("capture.yaml");
        assertThat(api.run("snapshot", "-o", out.toString()).exitCode()).isZero();
        Result live = api.run("explain", "pods", "-A", "-o", "json");
        Result file = Result.of("explain", "pods", "-A", "-o", "json", "--snapshot", out.toString());
        // The printed commands carry each run's own source (--kubeconfig live, none for a file): the rest agrees.
        assertThat(JSON.readTree(file.out())).isEqualTo(JSON.readTree(live.out().replace("--kubeconfig " + api.kubeconfig() + " ", "")));
        Result liveCheck = api.run("check", "-o", "json");
        Result fileCheck = Result.of("check", "-o", "json", "--snapshot", out.toString());
        assertThat(JSON.readTree(fileCheck.out()).path("categories"))
                .isEqualTo(JSON.readTree(liveCheck.out().replace("--kubeconfig " + api.kubeconfig() + " ", "")).path("categories"));
        assertThat(fileCheck.exitCode()).isEqualTo(liveCheck.exitCode());
    }

    private static JsonNode item(JsonNode list, String kind, String name) {
        for (JsonNode i : list.path("items")) {
            if (i.path("kind").asText().equals(kind) && i.path("metadata").path("name").asText().equals(name)) {
                return i;
            }
        }
        throw new AssertionError(kind + " " + name + " not in the capture");
    }
}
