package io.injectordoctor.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.injectordoctor.dist.Unpacked.Run;
import io.injectordoctor.serve.TestTls;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tarball as a user installs it: unpacked anywhere, run with neither java nor mvn on the PATH,
 * every command works from its linked runtime (which holds only the modules the jar needs).
 */
class DistributionIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    static Path tarball;
    static Path home;
    static Map<String, String> env;

    @BeforeAll
    static void unpack() throws Exception {
        tarball = Unpacked.tarball();
        assumeTrue(tarball != null, "no distribution tarball under target/ (built by mvn package unless -DskipDist=true)");
        Path into = Files.createDirectories(dir.resolve("opt with space"));
        Unpacked.untar(tarball, into, "-z");
        try (var s = Files.list(into)) {
            home = s.findFirst().orElseThrow();
        }
        Path bare = Unpacked.barePath(dir);
        env = Map.of("PATH", bare.toString(), "HOME", dir.toString(), "LANG", "C.UTF-8");
        assertThat(Unpacked.run(List.of(bare.resolve("bash").toString(), "-c", "command -v java || command -v mvn"),
                env, dir, 30).code()).as("java or mvn on the test's PATH").isNotZero();
    }

    private static Run tool(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(home.resolve("bin/injector-doctor").toString()));
        cmd.addAll(List.of(args));
        return Unpacked.run(cmd, env, dir, 180);
    }

    @Test
    void theDemoGivesItsAnswerWithoutAJdk() throws Exception {
        Run r = tool("explain", "pods", "-A", "--demo", "--no-color");

        assertThat(r.code()).as(r.err()).isEqualTo(1);
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).contains("22 pods: 21 consistent, 1 mismatched")
                .containsPattern("legacy-api\\S*\\s+inject\\s+none\\s+MISMATCH");
    }

    @Test
    void statusSymbolsAreAsciiWhenTheTerminalIsNotUtf8() throws Exception {
        Map<String, String> c = Map.of("PATH", env.get("PATH"), "HOME", dir.toString(), "LANG", "C");
        List<String> cmd = List.of(home.resolve("bin/injector-doctor").toString(), "check", "--demo");
        Run r = Unpacked.run(cmd, c, dir, 180);
        assertThat(r.out()).contains("[ok] ID0101", "[FAIL]").doesNotContain("\u221a");
        assertThat(tool("check", "--demo").out()).contains("\u221a ID0101");
    }

    @Test
    void theLayoutHasTheRuntimeTheJarAndAStartUpArchive() throws Exception {
        assertThat(home.getFileName().toString()).matches("injector-doctor-.+-linux-x64");
        assertThat(home.resolve("runtime/bin/java")).isExecutable();
        assertThat(home.resolve("bin/kubectl-injector_doctor")).isExecutable();
        assertThat(home.resolve("lib/injector-doctor.jar")).isRegularFile();
        assertThat(Files.exists(home.resolve("lib/injector-doctor.jsa")) || Files.exists(home.resolve("lib/injector-doctor.aot")))
                .as("a start-up archive in lib/").isTrue();
        String release = Files.readString(home.resolve("runtime/release"));
        assertThat(release).contains("java.base").doesNotContain("java.desktop").doesNotContain("jdk.compiler");
    }

    @Test
    void theStartUpArchiveIsUsedWhereverTheTarballIsUnpacked() throws Exception {
        Run r = Unpacked.run(List.of(home.resolve("bin/injector-doctor").toString(), "--version"),
                Map.of("PATH", env.get("PATH"), "HOME", dir.toString(),
                        "INJECTOR_DOCTOR_JAVA_OPTS", "-Xshare:on -Xlog:cds=off -Xlog:cds+dynamic=off"), dir, 60);
        // -Xshare:on makes the JVM refuse to start when the archive does not fit this runtime and folder
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).startsWith("injector-doctor ");
    }

    @Test
    void everyCommandRunsFromTheLinkedRuntime() throws Exception {
        Run check = tool("check", "--demo", "-o", "json");
        assertThat(check.code()).as(check.err()).isIn(0, 1);
        JsonNode report = JSON.readTree(check.out());
        assertThat(report.path("categories").size()).isPositive();

        Run certs = tool("check-certs", "--demo", "--no-color");
        assertThat(certs.err()).doesNotContain("Exception", "internal error");
        assertThat(certs.out()).contains("the caBundle contains the mesh root");

        Run restart = tool("restart-injector", "--demo", "--dry-run", "--revision", "canary", "--no-color");
        assertThat(restart.code()).as(restart.err()).isZero();

        Path snapshot = dir.resolve("snap.yaml");
        Run snap = tool("snapshot", "--demo", "-o", snapshot.toString());
        assertThat(snap.code()).as(snap.err()).isZero();
        Run fromSnapshot = tool("explain", "pods", "-A", "--snapshot", snapshot.toString(), "-o", "yaml");
        assertThat(fromSnapshot.code()).as(fromSnapshot.err()).isEqualTo(1);

        Path pod = Path.of("src/test/resources/inject/deployment.yaml").toAbsolutePath();
        Run inject = tool("inject", "-f", pod.toString());
        assertThat(inject.code()).as(inject.err()).isZero();
        assertThat(inject.out()).contains("istio-proxy");

        assertThat(tool("completion", "bash").out()).contains("injector-doctor");
        assertThat(tool("checks", "list").out()).contains("ID0801");
        assertThat(tool("checks", "show", "ID0901").out())
                .isEqualTo(Files.readString(Path.of("docs/checks/ID0901.md")));
        assertThat(tool("docs", "rbac.yaml").out()).isEqualTo(Files.readString(Path.of("docs/rbac.yaml")));
    }

    @Test
    void serveAnswersOverTlsFromTheLinkedRuntime() throws Exception {
        TestTls tls = new TestTls(Files.createDirectories(dir.resolve("tls")));
        ProcessBuilder pb = new ProcessBuilder(home.resolve("bin/injector-doctor").toString(), "serve",
                "--tls-cert", tls.certFile.toString(), "--tls-key", tls.keyFile.toString(), "--port", "0")
                .redirectErrorStream(true);
        pb.environment().clear();
        pb.environment().putAll(env);
        Process p = pb.start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String first = out.readLine();
            assertThat(first).as("serve's first line").isNotNull().contains("serving the reference injector");
            Matcher m = Pattern.compile("https://[^:]+:(\\d+)/").matcher(first);
            assertThat(m.find()).isTrue();
            HttpClient client = TestTls.client(tls.root);
            assertThat(TestTls.get(client, Integer.parseInt(m.group(1)), "/ready").statusCode()).isEqualTo(200);
        } finally {
            p.destroy();
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor();
            }
        }
    }

    @Test
    void theKubectlPluginRunsThroughALinkAsKrewMakesIt() throws Exception {
        Path krewBin = Files.createDirectories(dir.resolve("krew-bin"));
        Path link = krewBin.resolve("kubectl-injector_doctor");
        Files.deleteIfExists(link);
        Files.createSymbolicLink(link, home.resolve("bin/kubectl-injector_doctor"));
        Run r = Unpacked.run(List.of(link.toString(), "--demo", "explain", "pods", "-n", "kube-system", "--no-color"),
                env, dir, 180);
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("IGNORED_NAMESPACE");
    }

    @Test
    void theKrewManifestNamesThisTarballAndItsSha256() throws Exception {
        String manifest = Files.readString(Unpacked.TARGET.resolve("plugins/injector-doctor.yaml"));
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(tarball)));
        assertThat(manifest).contains("sha256: \"" + sha + "\"", tarball.getFileName().toString(),
                "bin: bin/kubectl-injector_doctor", "name: injector-doctor").doesNotContain("@");
    }
}
