package io.injectordoctor.trust;

import static org.assertj.core.api.Assertions.assertThat;

import io.injectordoctor.testing.Fixtures;
import io.injectordoctor.testing.MockCluster.Result;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input for every command: none crashes (70) or hangs; each error is one line with the
 * documented exit code and names the input (and, for files, the position).
 */
class BadInputMatrixTest {
    /** The commands that read a snapshot, with the arguments they need. */
    private static final List<List<String>> SNAPSHOT_COMMANDS = List.of(
            List.of("explain", "pods", "-A"), List.of("explain", "pod/web", "-n", "shop"), List.of("check"),
            List.of("check-certs", "--no-probe"));

    @TempDir
    Path tmp;

    private final TrustCluster cluster = new TrustCluster();

    static void assertOneLineError(Result r, int code, String... fragments) {
        assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(code);
        assertThat(r.err().lines().findFirst().orElse("")).as(r.err()).startsWith("error: ").contains(fragments);
        assertThat(r.err()).doesNotContain("\tat ").doesNotContain("internal error");
    }

    private Result run(List<String> cmd, String... more) {
        List<String> args = new ArrayList<>(cmd);
        args.addAll(List.of(more));
        return Result.of(args.toArray(String[]::new));
    }

    private List<List<String>> allCommands() {
        Path pod = TrustCluster.write(tmp, "pod.yaml", Fixtures.pod("shop", "new", null, false, false));
        List<List<String>> all = new ArrayList<>(SNAPSHOT_COMMANDS);
        all.add(List.of("inject", "-f", pod.toString()));
        all.add(List.of("restart-injector", "--dry-run"));
        all.add(List.of("snapshot", "-o", tmp.resolve("out.yaml").toString()));
        return all;
    }

    @Test
    void unknownFlagsAreUsageErrors() {
        for (List<String> cmd : allCommands()) {
            Result r = run(cmd, "--frobnicate");
            assertOneLineError(r, 64, "Unknown option: '--frobnicate'");
            assertThat(r.err()).contains("--help");
        }
    }

    /** Asking for help is not bad input: exit 0 and examples. (explain lacks --help today: see docs/trust.md.) */
    @Test
    void helpWorksForEveryCommand() {
        for (String cmd : List.of("check", "check-certs", "inject", "restart-injector", "snapshot")) {
            Result r = Result.of(cmd, "--help");
            assertThat(r.exitCode()).as("%s --help: %s", cmd, r.err()).isZero();
            assertThat(r.out()).contains("Usage: injector-doctor " + cmd).contains("Examples");
        }
    }

    @Test
    void malformedReferencesAndValues() {
        assertOneLineError(Result.of("check", "--fail-on", "sometimes"), 64, "sometimes");
        assertOneLineError(Result.of("check-certs", "--expiry-warning", "soon"), 64, "soon");
        assertOneLineError(Result.of("restart-injector", "--deployment", "a/b/c", "--dry-run"), 64, "a/b/c");
        assertOneLineError(Result.of("restart-injector", "--timeout", "-5m", "--dry-run"), 64, "-5m");
        assertOneLineError(Result.of("inject", "-f", tmp.resolve("missing.yaml").toString()), 65, "missing.yaml");
        assertOneLineError(Result.of("check-certs", "--root-cert", tmp.resolve("root.pem").toString(), "--no-probe",
                "--snapshot", snapshot("ok.yaml", everything()).toString()), 65, "root.pem");
        Path notPem = TrustCluster.write(tmp, "garbage.pem", "-----BEGIN CERTIFICATE-----\nnot base64 at all\n-----END CERTIFICATE-----\n");
        Result r = Result.of("check-certs", "--root-cert", notPem.toString(), "--no-probe", "--snapshot",
                snapshot("ok2.yaml", everything()).toString());
        assertOneLineError(r, 65, "garbage.pem");
    }

    @Test
    void unreadableOrMalformedKubeconfigIsExit65NamingTheFile() throws IOException {
        Path malformed = TrustCluster.write(tmp, "malformed.kubeconfig", "clusters: [this is: not: valid\n");
        Path directory = Files.createDirectory(tmp.resolve("a-directory"));
        Path binary = tmp.resolve("binary.kubeconfig");
        Files.write(binary, new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, 2, (byte) 0x80, '\n'});
        Path missing = tmp.resolve("missing.kubeconfig");
        for (List<String> cmd : allCommands()) {
            if (cmd.get(0).equals("inject")) {
                continue; // without a cluster option inject needs no kubeconfig; with one it is covered below
            }
            for (Path kc : List.of(malformed, directory, binary, missing)) {
                Result r = run(cmd, "--kubeconfig", kc.toString());
                assertOneLineError(r, 65, kc.getFileName().toString());
            }
        }
        Result inject = Result.of("inject", "-f", tmp.resolve("pod.yaml").toString(), "--kubeconfig", malformed.toString());
        assertOneLineError(inject, 65, "malformed.kubeconfig");
    }

    @Test
    void truncatedBinaryAndOversizedSnapshotsAreRefusedWithFileAndPosition() throws IOException {
        String full = everything();
        // Cut inside a flow mapping: a file cut at a line end can still be valid YAML, and nothing can tell.
        Path truncated = snapshot("truncated.yaml", full.substring(0, full.indexOf("service: {name: istiod") + 20));
        Path binary = tmp.resolve("binary.yaml");
        Files.write(binary, new byte[] {(byte) 0xc3, 0x28, 0, 1, 2, (byte) 0x80, (byte) 0xff});
        Path huge = tmp.resolve("huge.yaml");
        try (RandomAccessFile f = new RandomAccessFile(huge.toFile(), "rw")) {
            f.setLength(100L * 1024 * 1024);
        }
        Path pod = tmp.resolve("pod.yaml");
        Files.writeString(pod, Fixtures.pod("shop", "new", null, false, false));
        List<List<String>> cmds = new ArrayList<>(SNAPSHOT_COMMANDS);
        cmds.add(List.of("inject", "-f", pod.toString()));
        for (List<String> cmd : cmds) {
            assertOneLineError(run(cmd, "--snapshot", truncated.toString()), 65, "truncated.yaml: line ", "column");
            assertOneLineError(run(cmd, "--snapshot", binary.toString()), 65, "binary.yaml", "not UTF-8");
            assertOneLineError(run(cmd, "--snapshot", huge.toString()), 65, "huge.yaml", "larger than");
        }
        // The same files as the manifest of inject -f.
        assertOneLineError(Result.of("inject", "-f", truncated.toString()), 65, "truncated.yaml");
        assertOneLineError(Result.of("inject", "-f", binary.toString()), 65, "binary.yaml");
        assertOneLineError(Result.of("inject", "-f", huge.toString()), 65, "huge.yaml");
        assertOneLineError(Result.of("restart-injector", "--snapshot", truncated.toString()), 64, "--snapshot");
    }

    @Test
    void duplicateObjectsAndUnknownKindsAreReadNotCrashedOn() {
        String dupes = TrustCluster.join(everything(), TrustCluster.apps(), Fixtures.pod("shop", "web", "true", false, false),
                """
                apiVersion: example.com/v1
                kind: Frobnicator
                metadata: {name: x, namespace: shop}
                spec: {anything: [1, 2, 3]}
                """, "apiVersion: v1\nkind: List\nitems:\n- {apiVersion: v9, kind: Whatever, metadata: {name: y}}\n");
        Path file = snapshot("dupes.yaml", dupes);
        for (List<String> cmd : SNAPSHOT_COMMANDS) {
            Result r = run(cmd, "--snapshot", file.toString());
            assertThat(r.exitCode()).as("%s: %s%s", cmd, r.out(), r.err()).isIn(0, 1, 65);
            if (r.exitCode() == 65) {
                assertOneLineError(r, 65, "dupes.yaml");
            }
            assertThat(r.err()).doesNotContain("internal error").doesNotContain("\tat ");
        }
    }

    @Test
    void garbageInLabelsAnnotationsSelectorsCaBundleAndInjectorConfig() {
        String values = IntStream.range(0, 10_000).mapToObj(i -> "\"v" + i + "\"").collect(Collectors.joining(", "));
        String garbageInstall = cluster.install()
                // an invalid operator and a 10,000-value list in the hooks' selectors
                .replaceFirst("operator: DoesNotExist", "operator: Sometimes")
                .replaceFirst("operator: NotIn\n      values: \\[\"false\"\\]", "operator: NotIn\n      values: [" + values + "]")
                // a caBundle that is not base64, and one that is base64 of garbage
                .replaceFirst("caBundle: [A-Za-z0-9+/=]+", "caBundle: \"!!not base64!!\"")
                .replaceFirst("caBundle: [A-Za-z0-9+/=]+", "caBundle: " + TrustCluster.b64("-----BEGIN CERTIFICATE-----\ngarbage\n"))
                // an injector config whose selectors are garbage and whose policy is a list
                .replace("    neverInjectSelector: []\n", "    neverInjectSelector: [{matchExpressions: [{key: a, operator: Maybe, values: []}]}, 7, \"x\"]\n"
                        + "    alwaysInjectSelector: {not: a list}\n");
        String pods = """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: web
                  namespace: shop
                  labels: {"": "", "sidecar.istio.io/inject": "\\u0000\\uffff", "%s": "%s"}
                  annotations: {sidecar.istio.io/inject: [not, a, string], sidecar.istio.io/status: "{broken json", "\\t": "\\n"}
                spec:
                  hostNetwork: "yes please"
                  containers: [{name: app, image: 12345}, "not an object"]
                """.formatted("k".repeat(400), "v".repeat(100_000));
        Path file = snapshot("garbage.yaml", TrustCluster.join(garbageInstall, cluster.controlPlane(),
                Fixtures.namespace("shop", "istio-injection", "enabled"), pods));
        Path pod = TrustCluster.write(tmp, "garbage-pod.yaml", pods);
        List<List<String>> cmds = new ArrayList<>(SNAPSHOT_COMMANDS);
        cmds.add(List.of("inject", "-f", pod.toString()));
        for (List<String> cmd : cmds) {
            for (String format : List.of("text", "json")) {
                Result r = run(cmd, "--snapshot", file.toString(), "-o", format);
                assertThat(r.exitCode()).as("%s: %s%s", cmd, r.out(), r.err()).isIn(0, 1, 65);
                assertThat(r.err()).as("%s", cmd).doesNotContain("internal error").doesNotContain("\tat ");
                if (r.exitCode() == 65) {
                    assertThat(r.err()).containsAnyOf("garbage", "ConfigMap istio-system/istio-sidecar-injector");
                }
            }
        }
        // Each piece of garbage is reported where it matters, not swallowed.
        String explain = run(List.of("explain", "pod/web", "-n", "shop"), "--snapshot", file.toString()).out();
        // The hook's invalid selector refuses the pod before any injector is called (its config is not reached).
        assertThat(explain).contains("REFUSED", "\"Sometimes\" is not a valid label selector operator");
        String check = run(List.of("check"), "--snapshot", file.toString()).out();
        assertThat(check).contains("× ID0302", "\"Sometimes\" is not a valid label selector operator");
        String certs = run(List.of("check-certs", "--no-probe"), "--snapshot", file.toString()).out();
        assertThat(certs).contains("the caBundle is not base64", "no '-----END CERTIFICATE-----' line")
                // a bundle that could not be compared is not a pass
                .doesNotContain("√ the caBundle contains the mesh root\n    the caBundle holds no usable certificate");
        Result inject = run(List.of("inject", "-f", pod.toString()), "--snapshot", file.toString());
        assertOneLineError(inject, 65, "ConfigMap istio-system/istio-sidecar-injector", "neverInjectSelector");
    }

    private String everything() {
        return TrustCluster.join(cluster.install(), cluster.controlPlane(), TrustCluster.apps());
    }

    private Path snapshot(String name, String text) {
        return TrustCluster.write(tmp, name, text);
    }
}
