package io.injectordoctor.bench;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The build's start-up training: runs the packaged jar through the commands people run most
 * (explain from a snapshot and live over HTTP and TLS, check, check-certs, --version) against a local API server held
 * in this process, recording the classes each loads; with a JDK 25, also records its AOT cache.
 * Every child process is waited for (and killed after a bound), and the server stops with this
 * process, so the build leaves nothing running.
 *
 * <pre>java -cp TEST_CLASSPATH io.injectordoctor.bench.StartupTraining JAR DIR SNAPSHOT [AOT_JAVA AOT_OUT]</pre>
 *
 * writes DIR/*.classlist and DIR/training.log; a failed run is logged, not fatal (the archive is an
 * optimisation: the build warns and goes on).
 */
public final class StartupTraining {
    private static final long RUN_LIMIT_SECONDS = 120;

    private StartupTraining() {
    }

    public static void main(String[] args) {
        if (args.length != 3 && args.length != 5) {
            System.err.println("usage: StartupTraining JAR DIR SNAPSHOT [AOT_JAVA AOT_OUT]");
            System.exit(64);
        }
        int code = 0;
        try {
            train(args);
        } catch (Exception | Error e) {
            e.printStackTrace();
            code = 1;
        }
        // The mock server's threads are not daemons: only an exit ends them for sure.
        System.exit(code);
    }

    private static void train(String[] args) throws Exception {
        Path jar = Path.of(args[0]);
        Path dir = Path.of(args[1]);
        Path snapshot = Path.of(args[2]);
        Files.createDirectories(dir);
        Path log = dir.resolve("training.log");
        Files.deleteIfExists(log);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        run(List.of(java, "-XX:DumpLoadedClassList=" + dir.resolve("version.classlist"), "-jar", jar.toString(),
                "--version"), log);
        // A namespace whose pods are consistent: exit 0, so the log shows no failed command.
        run(List.of(java, "-XX:DumpLoadedClassList=" + dir.resolve("snapshot.classlist"), "-XX:TieredStopAtLevel=1",
                "-jar", jar.toString(), "explain", "pods", "-n", "kube-system", "--snapshot", snapshot.toString()), log);
        try (BenchServer.Running server = BenchServer.start(20, 4, dir.resolve("server"))) {
            String kubeconfig = server.kubeconfig().toString();
            List<String> explain = List.of("explain", "pod/" + server.samplePod(), "-n", server.sampleNamespace(),
                    "--kubeconfig", kubeconfig);
            run(tool(java, dir.resolve("explain.classlist"), jar, explain), log);
            run(tool(java, dir.resolve("check.classlist"), jar, List.of("check", "--kubeconfig", kubeconfig)), log);
            run(tool(java, dir.resolve("certs.classlist"), jar, List.of("check-certs", "--no-probe", "--kubeconfig",
                    kubeconfig)), log);
            if (args.length == 5 && new File(args[3]).canExecute()) {
                // The JDK's AOT cache records one run: the live explain, the command the cache is for.
                List<String> aot = new ArrayList<>(List.of(args[3], "-XX:AOTCacheOutput=" + args[4],
                        "-XX:TieredStopAtLevel=1", "-jar", jar.toString()));
                aot.addAll(explain);
                run(aot, log);
            }
        }
        // Real clusters are reached over TLS with a token: the handshake's classes belong in the archive.
        try (BenchServer.Running server = BenchServer.start(20, 4, dir.resolve("tls-server"), true)) {
            run(tool(java, dir.resolve("explain-tls.classlist"), jar, List.of("explain", "pod/" + server.samplePod(),
                    "-n", server.sampleNamespace(), "--kubeconfig", server.kubeconfig().toString())), log);
        }
    }

    private static List<String> tool(String java, Path classList, Path jar, List<String> args) {
        List<String> cmd = new ArrayList<>(List.of(java, "-XX:DumpLoadedClassList=" + classList,
                "-XX:TieredStopAtLevel=1", "-jar", jar.toString()));
        cmd.addAll(args);
        return cmd;
    }

    private static void run(List<String> cmd, Path log) throws IOException, InterruptedException {
        Files.writeString(log, "$ " + String.join(" ", cmd) + System.lineSeparator(),
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        if (!p.waitFor(RUN_LIMIT_SECONDS, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
            Files.writeString(log, "(stopped after " + RUN_LIMIT_SECONDS + " s)" + System.lineSeparator(),
                    java.nio.file.StandardOpenOption.APPEND);
            return;
        }
        Files.writeString(log, "(exit " + p.exitValue() + ")" + System.lineSeparator(),
                java.nio.file.StandardOpenOption.APPEND);
    }
}
