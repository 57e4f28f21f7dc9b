package io.injectordoctor.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.Pod;
import io.injectordoctor.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The demo's table of expected verdicts against the tool's reference decision, run over the
 * kubeconfig the demo writes: a seed pod whose annotation disagrees with Istio's rules fails here.
 * The modern scenario adds the mesh of today; none of it may be a mismatch.
 */
class DemoVerdictsTest {
    @ParameterizedTest
    @CsvSource({"HEALTHY, 22, 0, 0", "MODERN, 34, 3, 2"})
    void explainAgreesWithEveryExpectedVerdict(Scenario scenario, int pods, int meshInfrastructure, int ambient,
            @TempDir Path dir) throws Exception {
        try (DemoCluster demo = DemoCluster.start(scenario)) {
            Path kubeconfig = dir.resolve("kubeconfig");
            demo.writeKubeconfig(kubeconfig);
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int code = Main.run(new PrintWriter(out), new PrintWriter(err),
                    "explain", "pods", "-A", "--kubeconfig", kubeconfig.toString(), "-o", "json");
            // 1: the stale pod is a mismatch (expected inject, no sidecar), the one the demo is built to show.
            assertThat(code).as(err.toString()).isEqualTo(1);

            Map<String, String> reference = new HashMap<>();
            JsonNode json = new ObjectMapper().readTree(out.toString());
            for (JsonNode item : json.path("items")) {
                JsonNode subject = item.path("subject");
                JsonNode r = item.path("reference");
                String verdict = "refused".equals(r.path("admission").asText()) ? "refused"
                        : r.path("inject").asBoolean() ? "inject" : "skip";
                reference.put(subject.path("namespace").asText() + "/" + subject.path("name").asText(), verdict);
            }
            Map<String, String> expected = new HashMap<>();
            for (Pod pod : demo.client().pods().inAnyNamespace().list().getItems()) {
                expected.put(pod.getMetadata().getNamespace() + "/" + pod.getMetadata().getName(),
                        pod.getMetadata().getAnnotations().get(DemoCluster.EXPECT_ANNOTATION));
            }
            assertThat(reference).hasSize(pods).containsExactlyInAnyOrderEntriesOf(expected);
            // Exactly one designed mismatch: the stale pod. Mesh infrastructure and ambient pods are consistent.
            assertThat(json.path("summary").path("mismatches").asInt()).isEqualTo(1);
            assertThat(json.path("summary").path("meshInfrastructure").asInt()).isEqualTo(meshInfrastructure);
            assertThat(json.path("summary").path("ambient").asInt()).isEqualTo(ambient);
        }
    }
}
