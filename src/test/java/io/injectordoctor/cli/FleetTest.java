package io.injectordoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.injectordoctor.testing.Fixtures;
import io.injectordoctor.testing.MockCluster;
import io.injectordoctor.testing.MockCluster.Result;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One command against several clusters: a row per cluster, an unreachable one does not stop the rest. */
class FleetTest {
    private static final String INSTALL = Fixtures.modernInstall("default", "enabled", "docker.io/istio/pilot:1.27.1");

    @TempDir
    Path dir;

    private Path kubeconfig(int healthyPort, int brokenPort, int deadPort) throws Exception {
        StringBuilder sb = new StringBuilder("apiVersion: v1\nkind: Config\nclusters:\n");
        String[][] all = {{"healthy", String.valueOf(healthyPort)}, {"broken", String.valueOf(brokenPort)},
            {"gone", String.valueOf(deadPort)}};
        for (String[] c : all) {
            sb.append("- name: ").append(c[0]).append("\n  cluster: {server: \"http://127.0.0.1:").append(c[1]).append("\"}\n");
        }
        sb.append("users: [{name: u, user: {token: t}}]\ncontexts:\n");
        for (String[] c : all) {
            sb.append("- name: ").append(c[0]).append("\n  context: {cluster: ").append(c[0]).append(", user: u}\n");
        }
        sb.append("current-context: healthy\n");
        Path p = dir.resolve("fleet.kubeconfig");
        Files.writeString(p, sb.toString());
        return p;
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Test
    void explainPodsOverThreeClustersGivesARowEach() throws Exception {
        try (MockCluster healthy = new MockCluster(); MockCluster broken = new MockCluster()) {
            healthy.apply(Fixtures.join(INSTALL, Fixtures.namespace("shop", "istio-injection", "enabled"),
                    Fixtures.pod("shop", "web", null, false, true)));
            broken.apply(Fixtures.join(INSTALL, Fixtures.namespace("shop", "istio-injection", "enabled"),
                    Fixtures.pod("shop", "web", null, false, false)));
            Path kc = kubeconfig(healthy.server().getPort(), broken.server().getPort(), freePort());

            Result json = Result.of("explain", "pods", "-A", "--contexts", "healthy,broken,gone", "--parallel", "2",
                    "--kubeconfig", kc.toString(), "-o", "json", "--request-timeout", "3");
            JsonNode j = new ObjectMapper().readTree(json.out());
            assertThat(j.path("clusters")).hasSize(3);
            assertThat(j.path("clusters").get(0).path("status").asText()).isEqualTo("healthy");
            assertThat(j.path("clusters").get(0).path("summary").path("pods").asInt()).isEqualTo(2);
            assertThat(j.path("clusters").get(1).path("status").asText()).isEqualTo("findings");
            assertThat(j.path("clusters").get(1).path("summary").path("missingSidecar").asInt()).isEqualTo(1);
            assertThat(j.path("clusters").get(2).path("status").asText()).isEqualTo("unreachable");
            assertThat(j.path("clusters").get(2).path("error").asText()).contains("cannot reach the API server");
            assertThat(json.exitCode()).isEqualTo(1);

            Result text = Result.of("explain", "pods", "-A", "--all-contexts", "--kubeconfig", kc.toString(),
                    "--request-timeout", "3");
            assertThat(text.out()).containsPattern("healthy\\s+healthy\\s+pods=2")
                    .containsPattern("broken\\s+findings\\s+pods=2")
                    .containsPattern("gone\\s+unreachable\\s+cannot reach the API server")
                    .contains("explain on 3 clusters: 1 healthy, 2 not.");
        }
    }

    @Test
    void checkAndCheckCertsTakeContextsToo() throws Exception {
        try (MockCluster healthy = new MockCluster()) {
            healthy.apply(Fixtures.join(INSTALL, Fixtures.namespace("shop", "istio-injection", "enabled")));
            Path kc = kubeconfig(healthy.server().getPort(), freePort(), freePort());
            Result check = Result.of("check", "--contexts", "healthy,gone", "--kubeconfig", kc.toString(), "-o", "json",
                    "--request-timeout", "3");
            JsonNode j = new ObjectMapper().readTree(check.out());
            assertThat(j.path("command").asText()).isEqualTo("check");
            assertThat(j.path("clusters").get(0).path("summary").path("checks").asInt()).isGreaterThan(20);
            assertThat(j.path("clusters").get(1).path("status").asText()).isEqualTo("unreachable");
            Result certs = Result.of("check-certs", "--contexts", "gone", "--kubeconfig", kc.toString(), "--no-probe",
                    "--request-timeout", "3");
            assertThat(certs.out()).containsPattern("gone\\s+unreachable");
            assertThat(certs.exitCode()).isEqualTo(69);
        }
    }

    @Test
    void fleetOptionsRefuseWhatTheyCannotDo() {
        assertThat(Result.of("explain", "pod/x", "--contexts", "a").exitCode()).isEqualTo(64);
        assertThat(Result.of("check", "--contexts", "a", "--snapshot", "x.yaml").exitCode()).isEqualTo(64);
        assertThat(Result.of("check", "--contexts", "a", "--parallel", "0").exitCode()).isEqualTo(64);
    }
}
