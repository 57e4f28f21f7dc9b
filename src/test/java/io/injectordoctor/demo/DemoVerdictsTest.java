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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo's table of expected verdicts against the tool's reference decision, run over the
 * kubeconfig the demo writes: a seed pod whose annotation disagrees with Istio's rules fails here.
 */
class DemoVerdictsTest {
    @Test
    void explainAgreesWithEveryExpectedVerdict(@TempDir Path dir) throws Exception {
        try (DemoCluster demo = DemoCluster.start(Scenario.HEALTHY)) {
            Path kubeconfig = dir.resolve("kubeconfig");
            demo.writeKubeconfig(kubeconfig);
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int code = Main.run(new PrintWriter(out), new PrintWriter(err),
                    "explain", "pods", "-A", "--kubeconfig", kubeconfig.toString(), "-o", "json");
            // 1: the stale pod is a mismatch (expected inject, no sidecar), the one the demo is built to show.
            assertThat(code).as(err.toString()).isEqualTo(1);

            Map<String, Boolean> reference = new HashMap<>();
            for (JsonNode item : new ObjectMapper().readTree(out.toString()).path("items")) {
                JsonNode subject = item.path("subject");
                reference.put(subject.path("namespace").asText() + "/" + subject.path("name").asText(),
                        item.path("reference").path("inject").asBoolean());
            }
            Map<String, Boolean> expected = new HashMap<>();
            for (Pod pod : demo.client().pods().inAnyNamespace().list().getItems()) {
                expected.put(pod.getMetadata().getNamespace() + "/" + pod.getMetadata().getName(),
                        "inject".equals(pod.getMetadata().getAnnotations().get(DemoCluster.EXPECT_ANNOTATION)));
            }
            assertThat(reference).containsExactlyInAnyOrderEntriesOf(expected);
        }
    }
}
