package io.injectordoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.injectordoctor.DoctorException;
import io.injectordoctor.ExitCode;
import io.injectordoctor.remedy.IstioCluster;
import io.injectordoctor.remedy.TestApiServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command as a user runs it, not on a terminal (System.console() is null under the test runner). */
class RestartInjectorCommandTest {
    static final ObjectMapper JSON = new ObjectMapper();

    TestApiServer api;
    KubernetesClient kube;
    IstioCluster cluster;
    Path kubeconfig;
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    @BeforeEach
    void start(@TempDir Path dir) throws Exception {
        api = new TestApiServer();
        kube = api.controllerClient();
        cluster = new IstioCluster(kube);
        kubeconfig = dir.resolve("kubeconfig");
        Files.writeString(kubeconfig, """
                apiVersion: v1
                kind: Config
                clusters:
                - name: mock
                  cluster:
                    server: %s
                    insecure-skip-tls-verify: true
                users:
                - name: tester
                  user:
                    token: not-a-secret
                contexts:
                - name: mock
                  context:
                    cluster: mock
                    user: tester
                    namespace: default
                current-context: mock
                """.formatted(api.server.url("/").replaceAll("/$", "")));
    }

    @AfterEach
    void stop() {
        kube.close();
        api.close();
    }

    int run(String... args) {
        List<String> all = new ArrayList<>(List.of("--kubeconfig", kubeconfig.toString()));
        all.addAll(List.of(args));
        return execute(new PrintWriter(out), new PrintWriter(err), all.toArray(String[]::new));
    }

    /** Through Main once restart-injector is registered there; until then with Main's handlers, on the command alone. */
    static int execute(PrintWriter o, PrintWriter e, String... args) {
        if (Main.commandLine(o, e).getSubcommands().containsKey("restart-injector")) {
            List<String> all = new ArrayList<>(List.of("restart-injector"));
            all.addAll(List.of(args));
            return Main.run(o, e, all.toArray(String[]::new));
        }
        CommandLine cl = new CommandLine(new RestartInjectorCommand());
        cl.setOut(o);
        cl.setErr(e);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExecutionExceptionHandler((ex, line, parse) -> {
            e.println("error: " + ex.getMessage());
            e.flush();
            return ex instanceof DoctorException de ? de.exitCode() : ExitCode.INTERNAL;
        });
        cl.setParameterExceptionHandler((ex, a) -> {
            e.println("error: " + ex.getMessage());
            e.flush();
            return ExitCode.USAGE;
        });
        int code = cl.execute(args);
        o.flush();
        e.flush();
        return code;
    }

    List<TestApiServer.Request> patches() {
        return api.ours().stream().filter(r -> r.method().equals("PATCH")).toList();
    }

    @Test
    void helpHasExamples() {
        int code = execute(new PrintWriter(out), new PrintWriter(err), "--help");
        assertThat(code).isZero();
        assertThat(out.toString()).contains("Examples:", "restart-injector --dry-run", "--yes", "--timeout", "Exit codes");
    }

    @Test
    void offATerminalItRefusesWithoutYesInOneLine() {
        cluster.rootConfigMap(IstioCluster.ROOT).istiod("default", IstioCluster.ROOT, false);

        int code = run();

        assertThat(code).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString().strip()).doesNotContain("\n")
                .startsWith("error: not on a terminal").contains("pass --yes", "istio-system/istiod");
        assertThat(patches()).isEmpty();
        assertThat(api.ours()).noneMatch(r -> r.mutating() && !r.path().contains("selfsubjectaccessreviews"));
    }

    @Test
    void dryRunAsJsonGivesTheWholeRecordAndChangesNothing() throws Exception {
        cluster.rootConfigMap(IstioCluster.ROOT).istiod("default", IstioCluster.OTHER_ROOT, true);

        int code = run("--dry-run", "-o", "json");

        assertThat(code).isZero();
        JsonNode record = JSON.readTree(out.toString());
        assertThat(record.path("result").asText()).isEqualTo("DRY_RUN");
        assertThat(record.path("dryRun").asBoolean()).isTrue();
        assertThat(record.path("target").path("name").asText()).isEqualTo("istiod");
        assertThat(record.path("patch").path("type").asText()).isEqualTo("application/merge-patch+json");
        assertThat(record.path("patch").path("fieldManager").asText()).isEqualTo("injector-doctor");
        assertThat(record.path("patch").path("body").asText())
                .matches("\\{\"spec\":\\{\"template\":\\{\"metadata\":\\{\"annotations\":\\{\"kubectl.kubernetes.io/restartedAt\":"
                        + "\"\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(Z|[+-]\\d\\d:\\d\\d)\"}}}}}");
        assertThat(record.path("before").path("healthy").asBoolean()).isFalse();
        assertThat(record.path("after").isNull()).isTrue();
        assertThat(record.has("timings")).isTrue();
        assertThat(patches()).singleElement().satisfies(p -> assertThat(p.dryRun()).isTrue());
        Deployment d = kube.apps().deployments().inNamespace(IstioCluster.NS).withName("istiod").get();
        assertThat(d.getSpec().getTemplate().getMetadata().getAnnotations()).doesNotContainKey("kubectl.kubernetes.io/restartedAt");
    }

    @Test
    void aHealthyInjectorIsReportedAndLeftAlone() {
        cluster.rootConfigMap(IstioCluster.ROOT).istiod("default", IstioCluster.ROOT, true);

        int code = run("--yes");

        assertThat(code).isZero();
        assertThat(out.toString()).contains("Injector: deployment istio-system/istiod (revision default)",
                "nothing was restarted", "ID0801", "ID0701", "\u221a ok");
        assertThat(api.ours()).allMatch(r -> r.method().equals("GET"));
    }

    @Test
    void severalInjectorsAreListedAndNothingHappens() {
        cluster.rootConfigMap(IstioCluster.ROOT).istiod("default", IstioCluster.ROOT, false)
                .istiod("1-16", IstioCluster.ROOT, false);

        int code = run("--yes");

        assertThat(code).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).contains("istio-system/istiod (revision default)", "istio-system/istiod-1-16 (revision 1-16)",
                "--revision");
        assertThat(patches()).isEmpty();
    }

    @Test
    void malformedFlagsAreUsageErrors() {
        assertThat(run("--deployment", "istiod")).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).contains("NAMESPACE/NAME");
        assertThat(api.ours()).isEmpty();
        assertThat(run("--timeout", "five minutes")).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).contains("not a duration");
        assertThat(run("--poll-interval", "0")).isEqualTo(ExitCode.USAGE);
        assertThat(run("--snapshot", "dump.yaml")).isEqualTo(ExitCode.USAGE);
        assertThat(api.ours()).noneMatch(TestApiServer.Request::mutating);
    }

    @Test
    void durationsAreReadAsKubectlWritesThem() {
        RestartInjectorCommand.DurationConverter c = new RestartInjectorCommand.DurationConverter();
        assertThat(c.convert("5m")).hasSeconds(300);
        assertThat(c.convert("1h30m")).hasMinutes(90);
        assertThat(c.convert("250ms")).hasMillis(250);
        assertThat(c.convert("0")).isZero();
    }

    @Test
    void theProgressLineIsRewrittenInPlaceOnlyWhenEnabled() {
        StringWriter tty = new StringWriter();
        RestartInjectorCommand.ProgressLine line = new RestartInjectorCommand.ProgressLine(new PrintWriter(tty), true);
        line.accept("Waiting for deployment spec update to be observed...");
        line.accept("done");
        line.end();
        assertThat(tty.toString()).isEqualTo("\rWaiting for deployment spec update to be observed..."
                + "\rdone" + " ".repeat(48) + System.lineSeparator());
        StringWriter piped = new StringWriter();
        RestartInjectorCommand.ProgressLine off = new RestartInjectorCommand.ProgressLine(new PrintWriter(piped), false);
        off.accept("Waiting...");
        off.end();
        assertThat(piped.toString()).isEmpty();
    }

    /** A real restart with the controller played from a background thread: exit 0 and the record as JSON. */
    @Test
    void aRestartThatFixesTheEndpointsExitsZero() throws Exception {
        cluster.rootConfigMap(IstioCluster.ROOT).istiod("default", IstioCluster.ROOT, false);
        Thread controller = new Thread(this::playRolloutAfterThePatch, "played-controller");
        controller.setDaemon(true);
        controller.start();

        int code = run("--yes", "-o", "json", "--poll-interval", "20ms", "--timeout", "60s");
        controller.join(10_000);

        assertThat(code).as(err.toString()).isZero();
        JsonNode record = JSON.readTree(out.toString());
        assertThat(record.path("result").asText()).isEqualTo("FIXED");
        assertThat(record.path("exitCode").asInt()).isZero();
        assertThat(record.path("before").path("healthy").asBoolean()).isFalse();
        assertThat(record.path("after").path("healthy").asBoolean()).isTrue();
        assertThat(record.path("rollout").asText()).isEqualTo("deployment \"istiod\" successfully rolled out");
        assertThat(record.path("timings").path("endpointsReady").isNull()).isFalse();
        assertThat(patches()).singleElement().satisfies(p -> assertThat(p.dryRun()).isFalse());
    }

    private void playRolloutAfterThePatch() {
        try {
            // Bounded: a run that never patches fails on its own; this thread then gives up after 30 s.
            long giveUp = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
            while (!restartedAtSet()) {
                if (System.nanoTime() > giveUp) {
                    return;
                }
                Thread.sleep(10);
            }
            kube.apps().deployments().inNamespace(IstioCluster.NS).withName("istiod").edit(d -> {
                d.getStatus().setObservedGeneration(d.getMetadata().getGeneration());
                d.getStatus().setUpdatedReplicas(1);
                d.getStatus().setReplicas(1);
                d.getStatus().setAvailableReplicas(1);
                return d;
            });
            cluster.endpointSlice("istiod", "https-webhook", 15017, true);
            cluster.podReady("istiod", true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean restartedAtSet() {
        Deployment d = kube.apps().deployments().inNamespace(IstioCluster.NS).withName("istiod").get();
        Map<String, String> a = d.getSpec().getTemplate().getMetadata().getAnnotations();
        return a != null && a.containsKey("kubectl.kubernetes.io/restartedAt");
    }

    /** A duration that would overflow a deadline is a usage error, before the cluster is asked anything. */
    @Test
    void durationsThatOverflowAreRefusedBeforeAnythingIsSent() {
        cluster.rootConfigMap(IstioCluster.ROOT).istiod("default", IstioCluster.ROOT, false);
        int before = api.requests().size();
        for (String[] flag : new String[][] {{"--timeout", "9999999999999999999h"}, {"--timeout", "2562047788015215h"},
            {"--timeout", "9223372036854775807s"}, {"--poll-interval", "100000000000h"}, {"--timeout", "8785h"}}) {
            out.getBuffer().setLength(0);
            err.getBuffer().setLength(0);
            int code = run("--yes", flag[0], flag[1]);
            assertThat(code).as(String.join(" ", flag) + ": " + err).isEqualTo(ExitCode.USAGE);
            assertThat(err.toString()).contains("'" + flag[1] + "' is too long: at most 8784h");
        }
        assertThat(api.requests()).as("nothing was sent").hasSize(before);
        assertThat(run("--yes", "--timeout", "8784h", "--dry-run")).isZero();
    }

    /** The patch was accepted, then the API server went away: the restart is reported as made, with exit 3. */
    @Test
    void aRestartWhoseOutcomeCannotBeReadSaysItWasMadeAndExitsThree() throws Exception {
        cluster.rootConfigMap(IstioCluster.ROOT).istiod("default", IstioCluster.ROOT, false);
        Thread controller = new Thread(() -> {
            try {
                long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
                while (api.ours().stream().noneMatch(r -> r.method().equals("PATCH")) && System.nanoTime() < deadline) {
                    Thread.sleep(5);
                }
                api.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "server-goes-away");
        controller.setDaemon(true);
        controller.start();

        int code = run("--yes", "-o", "json", "--poll-interval", "200ms", "--timeout", "30s", "--request-timeout", "2");
        controller.join(10_000);

        assertThat(code).as(err.toString()).isEqualTo(3);
        JsonNode record = JSON.readTree(out.toString());
        assertThat(record.path("result").asText()).isEqualTo("RESTARTED_OUTCOME_UNKNOWN");
        assertThat(record.path("exitCode").asInt()).isEqualTo(3);
        assertThat(record.path("patch").path("body").asText()).contains("kubectl.kubernetes.io/restartedAt");
        assertThat(record.path("timings").path("patched").isNull()).isFalse();
        assertThat(record.path("outcome").asText()).startsWith("cannot reach the API server");
        assertThat(record.path("nextSteps").get(0).asText()).contains("do not restart again");
        assertThat(err.toString()).isEmpty();
    }
}
