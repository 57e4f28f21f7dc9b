package io.injectordoctor.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.injectordoctor.testing.MockCluster.Result;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hand-made kubeconfigs and flags: each mistake is one line naming the input with its documented
 * exit code (64 usage, 65 bad data), never 70 and never a silent fall-back, and nothing reaches the
 * API server. Names are checked before they reach a path or a query.
 */
class KubeconfigInputTest {
    @TempDir
    Path tmp;

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

    private static final List<List<String>> COMMANDS = List.of(List.of("explain", "pods", "-A"),
            List.of("explain", "pod/web", "-n", "shop"), List.of("check"), List.of("check-certs", "--no-probe"),
            List.of("restart-injector", "--dry-run"), List.of("snapshot", "-o", "-"));

    private Path kubeconfig(String text) throws Exception {
        Path kc = tmp.resolve("kc-" + System.nanoTime());
        Files.writeString(kc, text);
        return kc;
    }

    private String server() {
        return "http://127.0.0.1:" + api.port();
    }

    private static Result run(List<String> cmd, String... more) {
        List<String> args = new ArrayList<>(cmd);
        args.addAll(List.of(more));
        return Result.of(args.toArray(String[]::new));
    }

    @Test
    void aMissingContextClusterOrCurrentContextIsNamedByEveryCommand() throws Exception {
        String base = "apiVersion: v1\nkind: Config\nclusters: [{name: mock, cluster: {server: '" + server() + "'}}]\n"
                + "users: [{name: tester, user: {token: t}}]\n";
        Path unknownCurrent = kubeconfig(base + "contexts: [{name: mock, context: {cluster: mock, user: tester}}]\n"
                + "current-context: gone\n");
        Path noCurrent = kubeconfig(base + "contexts: [{name: mock, context: {cluster: mock, user: tester}},"
                + " {name: other, context: {cluster: mock, user: tester}}]\n");
        Path missingCluster = kubeconfig(base + "contexts: [{name: mock, context: {cluster: elsewhere, user: tester}}]\n"
                + "current-context: mock\n");
        for (List<String> cmd : COMMANDS) {
            FaultMatrixTest.assertOneLineError(run(cmd, "--kubeconfig", unknownCurrent.toString()), 64,
                    "context \"gone\" not found in the kubeconfig (" + unknownCurrent + "); contexts: mock");
            FaultMatrixTest.assertOneLineError(run(cmd, "--kubeconfig", noCurrent.toString()), 64,
                    "has no current-context: pass --context NAME; contexts: mock, other");
            FaultMatrixTest.assertOneLineError(run(cmd, "--kubeconfig", missingCluster.toString()), 64,
                    "context \"mock\" names cluster \"elsewhere\", which is not in the kubeconfig");
            FaultMatrixTest.assertOneLineError(run(cmd, "--kubeconfig", noCurrent.toString(), "--context", "nope"), 64,
                    "context \"nope\" not found");
        }
        assertThat(api.seen()).isEmpty();
    }

    /** Without any kubeconfig (and not in a pod) the error says so, and is not a refused connection. */
    @Test
    void noKubeconfigAtAllSuggestsWhatToPass() throws Exception {
        assumeTrue(System.getenv("KUBECONFIG") == null && System.getenv("KUBERNETES_SERVICE_HOST") == null,
                "the environment names a kubeconfig or a pod");
        String home = System.getProperty("user.home");
        System.setProperty("user.home", tmp.toString());
        try {
            for (List<String> cmd : COMMANDS) {
                Result r = run(cmd);
                FaultMatrixTest.assertOneLineError(r, 64, "no kubeconfig found (looked at " + tmp.resolve(".kube/config")
                        + ")", "--kubeconfig FILE", "set KUBECONFIG", "--demo");
                assertThat(r.err()).doesNotContain("refused");
            }
        } finally {
            System.setProperty("user.home", home);
        }
    }

    @Test
    void missingFilesBadKeysAndBadServerUrlsAreDataErrorsNamingTheInput() throws Exception {
        String ctx = "contexts: [{name: x, context: {cluster: c, user: u}}]\ncurrent-context: x\n";
        Path caFile = kubeconfig("clusters: [{name: c, cluster: {server: 'https://127.0.0.1:1', certificate-authority:"
                + " missing-ca.crt}}]\nusers: [{name: u, user: {token: t}}]\n" + ctx);
        FaultMatrixTest.assertOneLineError(run(COMMANDS.get(0), "--kubeconfig", caFile.toString()), 65,
                "certificate-authority " + tmp.resolve("missing-ca.crt") + ": no such file");
        Path certFile = kubeconfig("clusters: [{name: c, cluster: {server: 'https://127.0.0.1:1', insecure-skip-tls-verify:"
                + " true}}]\nusers: [{name: u, user: {client-certificate: /nowhere/u.crt, client-key: /nowhere/u.key}}]\n" + ctx);
        FaultMatrixTest.assertOneLineError(run(COMMANDS.get(2), "--kubeconfig", certFile.toString()), 65,
                "client-certificate /nowhere/u.crt: no such file");
        for (String bad : List.of("https://[not-an-address", "ftp://files.example/", "https://", "''")) {
            Path kc = kubeconfig("clusters: [{name: c, cluster: {server: " + (bad.equals("''") ? bad : "'" + bad + "'")
                    + "}}]\nusers: [{name: u, user: {token: t}}]\n" + ctx);
            Result r = run(COMMANDS.get(0), "--kubeconfig", kc.toString());
            FaultMatrixTest.assertOneLineError(r, 65, "cluster \"c\"");
            assertThat(r.err()).containsAnyOf("is not a URL", "is not an http:// or https:// URL", "has no server");
        }
    }

    /** --kubeconfig may be a pipe, as with kubectl --kubeconfig <(...): it is read once, whatever reads the config. */
    @Test
    void aKubeconfigFromAPipeIsReadOnce() throws Exception {
        Path fifo = tmp.resolve("kubeconfig.fifo");
        Process mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assumeTrue(mk.waitFor(10, TimeUnit.SECONDS) && mk.exitValue() == 0, "mkfifo is not available");
        Thread writer = new Thread(() -> {
            try {
                Files.writeString(fifo, TrustCluster.kubeconfig(api.port(), "t").replace("namespace: default", "namespace: shop"));
            } catch (Exception ignored) {
                // the test fails on its own when nothing was read
            }
        }, "fifo-writer");
        writer.setDaemon(true);
        writer.start();
        // explain pod/web without -n resolves the configuration for the namespace, then loads with it.
        Result r = Result.of("explain", "pod/web", "--kubeconfig", fifo.toString(), "-o", "json");
        writer.join(5_000);
        assertThat(r.exitCode()).as(r.err()).isIn(0, 1);
        assertThat(r.err()).isEmpty();
        assertThat(writer.isAlive()).isFalse();
    }

    /** --kubeconfig /dev/stdin, with the kubeconfig piped in: a fresh JVM, so that standard input is a real pipe. */
    @Test
    void aKubeconfigOnStandardInputIsRead() throws Exception {
        assumeTrue(Files.exists(Path.of("/dev/stdin")), "no /dev/stdin");
        String javaBin = ProcessHandle.current().info().command().orElse("java");
        Process p = new ProcessBuilder(List.of(javaBin, "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                "io.injectordoctor.cli.Main", "explain", "pod/web", "--kubeconfig", "/dev/stdin", "-o", "json"))
                .redirectError(ProcessBuilder.Redirect.PIPE).start();
        try (var in = p.getOutputStream()) {
            in.write(TrustCluster.kubeconfig(api.port(), "t").replace("namespace: default", "namespace: shop")
                    .getBytes(StandardCharsets.UTF_8));
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(err).isIn(0, 1);
        assertThat(out).contains("\"name\" : \"web\"", "\"namespace\" : \"shop\"");
    }

    @Test
    void requestTimeoutZeroMeansNoLimitAndANegativeOneIsAUsageError() {
        Result none = api.run("explain", "pods", "-A", "--request-timeout", "0");
        assertThat(none.exitCode()).as(none.err()).isIn(0, 1);
        assertThat(none.err()).isEmpty();
        for (List<String> cmd : COMMANDS) {
            List<String> args = new ArrayList<>(cmd);
            args.addAll(List.of("--request-timeout", "-3"));
            FaultMatrixTest.assertOneLineError(api.run(args.toArray(String[]::new)), 64,
                    "--request-timeout must not be negative");
        }
    }

    /** Nothing but a name reaches a request path or query. */
    @Test
    void namesAreCheckedBeforeTheyReachAPathOrQuery() {
        int before = api.seen().size();
        BadInputMatrixTest.assertOneLineError(api.run("snapshot", "-o", "-", "-n", "../../x"), 64, "'../../x' is not a namespace name");
        BadInputMatrixTest.assertOneLineError(api.run("snapshot", "-o", "-", "--istio-namespace", "a?b=c"), 64,
                "'a?b=c' is not a namespace name");
        BadInputMatrixTest.assertOneLineError(api.run("check", "-n", "shop&labelSelector=x"), 64, "is not a namespace name");
        BadInputMatrixTest.assertOneLineError(api.run("explain", "pod/web?labelSelector=app", "-n", "shop"), 64,
                "is not a pod name");
        BadInputMatrixTest.assertOneLineError(api.run("restart-injector", "--dry-run", "--deployment",
                "istio-system/istiod?dryRun=None"), 64, "--deployment istio-system/istiod?dryRun=None",
                "is not a deployment name");
        BadInputMatrixTest.assertOneLineError(api.run("restart-injector", "--dry-run", "--deployment", "../istiod"), 64,
                "'..' is not a namespace name");
        assertThat(api.seen()).hasSize(before);
    }
}
