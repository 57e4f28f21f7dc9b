package io.injectordoctor.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** scripts/kubectl-injector_doctor, run by bash (and by kubectl when it is installed) with a stand-in tool. */
class KubectlPluginScriptTest {
    private static final Path PLUGIN = Path.of("scripts/kubectl-injector_doctor").toAbsolutePath();

    @TempDir
    Path dir;
    private Path fakeTool;

    @BeforeEach
    void standIn() throws IOException {
        assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "bash is not installed");
        fakeTool = executable(dir.resolve("fake-injector-doctor"), "#!/bin/sh\nprintf '%s\\n' \"$@\"\n");
    }

    @Test
    void movesKubectlStyleFlagsBehindTheSubcommand() throws Exception {
        Result r = run(List.of(PLUGIN.toString(), "--context", "prod", "-n", "shop", "--kubeconfig", "/k",
                "explain", "pod/web-0", "-o", "json"), Map.of("INJECTOR_DOCTOR", fakeTool.toString()));
        assertThat(r.code).as(r.err).isZero();
        assertThat(r.out.lines()).containsExactly("explain", "--context", "prod", "-n", "shop", "--kubeconfig", "/k",
                "pod/web-0", "-o", "json");
    }

    @Test
    void convertsKubectlsRequestTimeoutAndVerbosity() throws Exception {
        Result r = run(List.of(PLUGIN.toString(), "explain", "pods", "-A", "--request-timeout=2m", "-v=8"),
                Map.of("INJECTOR_DOCTOR", fakeTool.toString()));
        assertThat(r.out.lines()).containsExactly("explain", "pods", "-A", "--request-timeout", "120", "--debug");
    }

    @Test
    void refusesFlagsThatWouldPickAnotherIdentity() throws Exception {
        Result r = run(List.of(PLUGIN.toString(), "explain", "pod/x", "--as=admin"),
                Map.of("INJECTOR_DOCTOR", fakeTool.toString()));
        assertThat(r.code).isEqualTo(64);
        assertThat(r.err).contains("--as is not supported", "--context");
        assertThat(r.out).isEmpty();
    }

    @Test
    void findsTheLauncherNextToItsRealPath() throws Exception {
        Path checkout = Files.createDirectories(dir.resolve("checkout/scripts"));
        Path plugin = checkout.resolve("kubectl-injector_doctor");
        Files.copy(PLUGIN, plugin);
        executable(checkout.resolve("injector-doctor"), "#!/bin/sh\necho from-checkout \"$@\"\n");
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Files.createSymbolicLink(bin.resolve("kubectl-injector_doctor"), plugin);
        Result r = run(List.of(bin.resolve("kubectl-injector_doctor").toString(), "check"), Map.of());
        assertThat(r.out.trim()).isEqualTo("from-checkout check");
    }

    @Test
    void kubectlRunsItAsAPlugin() throws Exception {
        String kubectl = KubectlAgainstDemoTest.kubectl();
        assumeTrue(kubectl != null, "kubectl is not on the PATH");
        Path bin = Files.createDirectories(dir.resolve("plugins"));
        Files.createSymbolicLink(bin.resolve("kubectl-injector_doctor"), PLUGIN);
        String path = bin + File.pathSeparator + System.getenv("PATH");
        Result r = run(List.of(kubectl, "injector-doctor", "--context", "demo", "explain", "pod/x", "-n", "shop"),
                Map.of("PATH", path, "INJECTOR_DOCTOR", fakeTool.toString()));
        assertThat(r.code).as(r.err).isZero();
        assertThat(r.out.lines()).containsExactly("explain", "--context", "demo", "pod/x", "-n", "shop");
    }

    private record Result(int code, String out, String err) {
    }

    private Result run(List<String> command, Map<String, String> env) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(command);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        pb.environment().remove("INJECTOR_DOCTOR");
        pb.environment().putAll(env);
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }

    private static Path executable(Path file, String content) throws IOException {
        Files.writeString(file, content);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }
}
