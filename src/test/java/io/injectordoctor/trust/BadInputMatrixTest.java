package io.injectordoctor.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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
        // Past the documented limit (SnapshotFile.MAX_BYTES); sparse, so it costs no disk and, refused
        // before a byte is read, no time.
        Path huge = tmp.resolve("huge.yaml");
        try (RandomAccessFile f = new RandomAccessFile(huge.toFile(), "rw")) {
            f.setLength(io.injectordoctor.cluster.SnapshotFile.MAX_BYTES + 1);
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

    /** A device is refused before it is read: /dev/zero never ends, /dev/urandom is not text. */
    @Test
    void devicesAreRefusedBeforeTheyAreRead() {
        assumeTrue(Files.exists(Path.of("/dev/zero")) && Files.exists(Path.of("/dev/urandom")), "no /dev/zero");
        Path pod = TrustCluster.write(tmp, "pod.yaml", Fixtures.pod("shop", "new", null, false, false));
        Path ok = snapshot("ok.yaml", everything());
        for (List<String> cmd : SNAPSHOT_COMMANDS) {
            assertOneLineError(run(cmd, "--snapshot", "/dev/zero"), 65, "/dev/zero: is a device, not a file");
        }
        assertOneLineError(Result.of("explain", "-f", "/dev/urandom", "--snapshot", ok.toString()), 65,
                "/dev/urandom: is a device, not a file");
        assertOneLineError(Result.of("inject", "-f", "/dev/zero"), 65, "/dev/zero: is a device, not a file");
        assertOneLineError(Result.of("inject", "-f", pod.toString(), "--snapshot", "/dev/urandom"), 65,
                "/dev/urandom: is a device");
        assertOneLineError(Result.of("check-certs", "--no-probe", "--root-cert", "/dev/zero", "--snapshot", ok.toString()),
                65, "/dev/zero: is a device, not a file", "(--root-cert)");
    }

    /** Output that cannot be written is exit 74 and one line, for every command that writes to standard output. */
    @Test
    void aFullDiskIsExit74ForEveryCommand() throws IOException {
        assumeTrue(Files.exists(Path.of("/dev/full")), "no /dev/full");
        Path ok = snapshot("ok.yaml", everything());
        Path pod = TrustCluster.write(tmp, "pod.yaml", Fixtures.pod("shop", "new", null, false, false));
        List<List<String>> cmds = new ArrayList<>();
        for (List<String> c : SNAPSHOT_COMMANDS) {
            List<String> withSnapshot = new ArrayList<>(c);
            withSnapshot.addAll(List.of("--snapshot", ok.toString()));
            cmds.add(withSnapshot);
        }
        cmds.add(List.of("inject", "-f", pod.toString()));
        cmds.add(List.of("explain", "-f", pod.toString(), "--snapshot", ok.toString()));
        cmds.add(List.of("checks", "list"));
        cmds.add(List.of("checks", "show", "ID0101"));
        cmds.add(List.of("docs", "trust"));
        cmds.add(List.of("snapshot", "-o", "-", "--demo"));
        cmds.add(List.of("snapshot", "-o", "/dev/full", "--demo"));
        for (List<String> cmd : cmds) {
            for (String format : List.of("text", "json")) {
                List<String> args = new ArrayList<>(cmd);
                if (!cmd.get(0).equals("docs") && !cmd.get(0).equals("checks") && !cmd.get(0).equals("snapshot")) {
                    args.addAll(List.of("-o", format));
                }
                java.io.StringWriter err = new java.io.StringWriter();
                int code;
                try (java.io.PrintWriter full = new java.io.PrintWriter(new java.io.FileOutputStream("/dev/full"))) {
                    code = io.injectordoctor.cli.Main.run(full, new java.io.PrintWriter(err), args.toArray(String[]::new));
                }
                assertOneLineError(new Result(code, "", err.toString()), 74, "cannot write");
                assertThat(err.toString().lines()).as("%s", args).hasSize(1);
            }
        }
    }

    /** The same through a real process, whose standard output is the file descriptor, not a test's writer. */
    @Test
    void aFullDiskIsExit74ForTheProcessToo() throws Exception {
        assumeTrue(Files.exists(Path.of("/dev/full")), "no /dev/full");
        String javaBin = ProcessHandle.current().info().command().orElse("java");
        for (List<String> args : List.of(List.of("checks", "list"), List.of("--version"))) {
            List<String> cmd = new ArrayList<>(List.of(javaBin, "-XX:TieredStopAtLevel=1", "-cp",
                    System.getProperty("java.class.path"), "io.injectordoctor.cli.Main"));
            cmd.addAll(args);
            Process p = new ProcessBuilder(cmd).redirectOutput(new java.io.File("/dev/full"))
                    .redirectError(tmp.resolve("err.txt").toFile()).start();
            assertThat(p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).as("finished").isTrue();
            assertThat(p.exitValue()).as("%s: %s", args, Files.readString(tmp.resolve("err.txt"))).isEqualTo(74);
        }
    }

    /** A pod without a namespace is in "default", as kubectl has it; one without a name is bad data. */
    @Test
    void aSnapshotPodWithoutNameOrNamespace() {
        String noNamespace = "apiVersion: v1\nkind: Pod\nmetadata: {name: loose}\nspec: {containers: [{name: a}]}\n";
        Path file = snapshot("no-namespace.yaml", TrustCluster.join(everything(), Fixtures.namespace("default"), noNamespace));
        Result r = Result.of("explain", "pod/loose", "-n", "default", "--snapshot", file.toString());
        assertThat(r.exitCode()).as(r.err()).isIn(0, 1);
        assertThat(r.out()).contains("pod/loose in namespace default");
        assertThat(Result.of("explain", "pods", "-A", "--snapshot", file.toString()).out()).contains("default ", "loose");
        Path noName = snapshot("no-name.yaml", TrustCluster.join(everything(),
                "apiVersion: v1\nkind: Pod\nmetadata: {namespace: shop}\nspec: {containers: [{name: a}]}\n"));
        for (List<String> cmd : SNAPSHOT_COMMANDS) {
            assertOneLineError(run(cmd, "--snapshot", noName.toString()), 65, "no-name.yaml: document ",
                    ": a Pod without metadata.name");
        }
    }

    /** A selector that is not an object cannot be stored by an API server, only written in a file: it is reported. */
    @Test
    void aHookSelectorThatIsNotAnObject() {
        String install = cluster.install().replaceFirst("objectSelector:", "objectSelector: [not, an, object]\n  x-was:");
        Path file = snapshot("selector.yaml", TrustCluster.join(install, cluster.controlPlane(), TrustCluster.apps()));
        Result explain = run(List.of("explain", "pod/web", "-n", "shop"), "--snapshot", file.toString());
        assertThat(explain.exitCode()).as(explain.err()).isEqualTo(1);
        assertThat(explain.out()).contains("objectSelector is a list, not a label selector");
        for (List<String> cmd : SNAPSHOT_COMMANDS) {
            Result r = run(cmd, "--snapshot", file.toString());
            assertThat(r.exitCode()).as("%s: %s", cmd, r.err()).isIn(0, 1);
            assertThat(r.err()).doesNotContain("internal error");
        }
    }

    @Test
    void aNamespaceWithASpaceIsAUsageError() {
        assertOneLineError(Result.of("snapshot", "-o", "-", "-n", "a b", "--demo"), 64, "'a b' is not a namespace name");
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
