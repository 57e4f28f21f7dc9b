package io.injectordoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.injectordoctor.ExitCode;
import io.injectordoctor.mutation.Fixtures;
import io.injectordoctor.mutation.Manifests;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code inject -f} with the reference decision. Golden files: run with -Dgolden.update=true to rewrite. */
class InjectCommandTest {
    private static final Path GOLDEN = Path.of("src/test/resources/inject/golden");
    private static final InputStream NO_STDIN = new ByteArrayInputStream(new byte[0]);

    @TempDir
    Path tmp;

    private Path fixture(String name) throws IOException {
        Path p = tmp.resolve(name);
        Files.writeString(p, Fixtures.text(name));
        return p;
    }

    static CommandHarness.Result inject(InputStream stdin, String... args) {
        return CommandHarness.run(new InjectCommand(stdin), args);
    }

    private static void golden(String name, String actual) throws IOException {
        Path file = GOLDEN.resolve(name);
        if (Boolean.getBoolean("golden.update")) {
            Files.createDirectories(GOLDEN);
            Files.writeString(file, actual);
        }
        assertThat(actual).isEqualTo(Files.readString(file));
    }

    @ParameterizedTest
    @ValueSource(strings = {"pod.yaml", "deployment.yaml", "cronjob.yaml", "opted-out.yaml", "host-network.yaml",
        "already-injected.yaml"})
    void outputMatchesTheGoldenFile(String name) throws Exception {
        CommandHarness.Result r = inject(NO_STDIN, "-f", fixture(name).toString());
        assertThat(r.code()).isEqualTo(ExitCode.OK);
        golden(name.replace(".yaml", ".out.yaml"), r.out());
        golden(name.replace(".yaml", ".err.txt"), r.err());
    }

    @Test
    void notInjectedObjectsAreUnchangedWithTheReasonOnStderr() throws Exception {
        for (String name : List.of("opted-out.yaml", "host-network.yaml")) {
            CommandHarness.Result r = inject(NO_STDIN, "-f", fixture(name).toString());
            assertThat(Manifests.parse(r.out())).containsExactly(Fixtures.object(name));
            assertThat(r.err()).contains("not injected:");
        }
        CommandHarness.Result host = inject(NO_STDIN, "-f", fixture("host-network.yaml").toString());
        assertThat(host.err()).contains("Pod/shop/node-agent: not injected:").contains("host network");
    }

    @Test
    void injectingTheOutputAgainChangesNothing() throws Exception {
        String all = String.join("---\n", Fixtures.text("pod.yaml"), Fixtures.text("deployment.yaml"),
                Fixtures.text("cronjob.yaml"), Fixtures.text("already-injected.yaml"));
        CommandHarness.Result once = inject(new ByteArrayInputStream(all.getBytes(StandardCharsets.UTF_8)), "-f", "-");
        CommandHarness.Result twice = inject(new ByteArrayInputStream(once.out().getBytes(StandardCharsets.UTF_8)),
                "-f", "-");
        assertThat(Manifests.parse(once.out())).hasSize(4);
        assertThat(twice.out()).isEqualTo(once.out());
        assertThat(inject(new ByteArrayInputStream(once.out().getBytes(StandardCharsets.UTF_8)), "-f", "-", "--diff")
                .out()).isEmpty();
    }

    @Test
    void diffShowsOnlyTheChanges() throws Exception {
        CommandHarness.Result r = inject(NO_STDIN, "-f", fixture("pod.yaml").toString(), "--diff");
        assertThat(r.code()).isEqualTo(ExitCode.OK);
        golden("pod.diff", r.out());
        assertThat(r.out()).startsWith("--- Pod/shop/web (original)\n+++ Pod/shop/web (injected)\n")
                .contains("+    security.istio.io/tlsMode: istio").doesNotContain("-  name: web");
        assertThat(inject(NO_STDIN, "-f", fixture("opted-out.yaml").toString(), "--diff").out()).isEmpty();
    }

    @Test
    void imagesComeFromTheSnapshotsInjectorValues() throws Exception {
        Path snapshot = fixture("snapshot.yaml");
        CommandHarness.Result r = inject(NO_STDIN, "-f", fixture("pod.yaml").toString(), "--snapshot", snapshot.toString());
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCode.OK);
        JsonNode spec = Manifests.parse(r.out()).get(0).path("spec");
        // CNI and regular sidecars, as the values say; kube-inject ignores the configmap's policy: disabled
        assertThat(spec.path("initContainers").get(0).path("name").asText()).isEqualTo("istio-validation");
        assertThat(spec.path("containers").get(1).path("image").asText()).isEqualTo("mirror.example.com/istio/proxyv2:1.29.2");

        CommandHarness.Result canary = inject(NO_STDIN, "-f", fixture("pod.yaml").toString(), "--snapshot",
                snapshot.toString(), "--revision", "canary", "--tag", "1.30.1-distroless");
        JsonNode pod = Manifests.parse(canary.out()).get(0);
        assertThat(pod.path("metadata").path("annotations").path("istio.io/rev").asText()).isEqualTo("canary");
        assertThat(pod.path("spec").path("initContainers").get(1).path("image").asText())
                .isEqualTo("mirror.example.com/istio/proxyv2:1.30.1-distroless");

        CommandHarness.Result missing = inject(NO_STDIN, "-f", fixture("pod.yaml").toString(), "--snapshot",
                snapshot.toString(), "--revision", "stable");
        assertThat(missing.code()).isEqualTo(ExitCode.DATA);
        assertThat(missing.err()).contains("no ConfigMap istio-system/istio-sidecar-injector-stable");
    }

    @Test
    void withoutAClusterTheDocumentedDefaultsApply() throws Exception {
        JsonNode pod = Manifests.parse(inject(NO_STDIN, "-f", fixture("pod.yaml").toString()).out()).get(0);
        assertThat(pod.path("spec").path("initContainers").get(1).path("image").asText())
                .isEqualTo("docker.io/istio/proxyv2:1.30.0");
        JsonNode flags = Manifests.parse(inject(NO_STDIN, "-f", fixture("pod.yaml").toString(), "--hub", "my.reg",
                "--native-sidecar=false", "--cni").out()).get(0);
        assertThat(flags.path("spec").path("containers").get(1).path("image").asText()).isEqualTo("my.reg/proxyv2:1.30.0");
        assertThat(flags.path("spec").path("initContainers").get(0).path("name").asText()).isEqualTo("istio-validation");
    }

    @Test
    void malformedInputIsOneLineNamingFileAndPosition() throws Exception {
        Path bad = tmp.resolve("bad.yaml");
        Files.writeString(bad, "apiVersion: v1\nkind: Pod\nmetadata:\n  name: [unclosed\n");
        CommandHarness.Result r = inject(NO_STDIN, "-f", bad.toString());
        assertThat(r.code()).isEqualTo(ExitCode.DATA);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("error: " + bad + ":4:18: while parsing a flow sequence\n").hasLineCount(1);

        Files.writeString(bad, "- just\n- a list\n");
        assertThat(inject(NO_STDIN, "-f", bad.toString()).err()).isEqualTo("error: " + bad + ":1:1: expected an object, found array\n");

        CommandHarness.Result stdin = inject(new ByteArrayInputStream("{\"kind\": \"Pod\",".getBytes(StandardCharsets.UTF_8)),
                "-f", "-");
        assertThat(stdin.code()).isEqualTo(ExitCode.DATA);
        assertThat(stdin.err()).startsWith("error: <stdin>:1:").hasLineCount(1);

        CommandHarness.Result missing = inject(NO_STDIN, "-f", tmp.resolve("nope.yaml").toString());
        assertThat(missing.code()).isEqualTo(ExitCode.DATA);
        assertThat(missing.err()).contains("nope.yaml: no such file");
    }

    @Test
    void otherKindsPassThroughAndListsAreInjectedItemByItem() throws Exception {
        String list = "apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Service\n  metadata: {name: web}\n"
                + "- " + Fixtures.text("pod.yaml").replace("\n", "\n  ").trim() + "\n";
        CommandHarness.Result r = inject(new ByteArrayInputStream(list.getBytes(StandardCharsets.UTF_8)), "-f", "-",
                "-o", "json");
        JsonNode out = new ObjectMapper().readTree(r.out());
        assertThat(out.path("items").get(0)).isEqualTo(Manifests.parse(list).get(0).path("items").get(0));
        assertThat(out.path("items").get(1).path("metadata").path("annotations").has("sidecar.istio.io/status")).isTrue();
        assertThat(r.err()).isEqualTo("Service/web: not injected: is not a pod or a pod template owner\n");
    }

    @Test
    void helpHasExamples() {
        CommandHarness.Result r = inject(NO_STDIN, "--help");
        assertThat(r.out()).contains("Examples:").contains("inject -f deploy.yaml");
    }

    @Test
    void istioVersionIsSpelledAsExplainSpellsItAndChoosesTheRules() throws Exception {
        // Before 1.27 the injector read "no" as false; since 1.27 only "true" and "false" count, and the policy decides.
        Path pod = tmp.resolve("no.yaml");
        Files.writeString(pod, String.join("\n", "apiVersion: v1", "kind: Pod", "metadata:", "  name: web",
                "  namespace: shop", "  annotations: {sidecar.istio.io/inject: \"no\"}", "spec:", "  containers:",
                "  - {name: web, image: nginx}", ""));
        CommandHarness.Result old = inject(NO_STDIN, "-f", pod.toString(), "--istio-version", "1.20");
        CommandHarness.Result current = inject(NO_STDIN, "-f", pod.toString(), "--istio-version", "1.28");
        assertThat(old.code()).isEqualTo(ExitCode.OK);
        assertThat(current.code()).isEqualTo(ExitCode.OK);
        assertThat(old.err()).contains("not injected");
        assertThat(current.out()).contains("sidecar.istio.io/status");

        CommandHarness.Result bad = inject(NO_STDIN, "-f", pod.toString(), "--istio-version", "latest");
        assertThat(bad.code()).isEqualTo(ExitCode.USAGE);
        assertThat(bad.err()).contains("--istio-version 'latest' is not a version");
    }
}
