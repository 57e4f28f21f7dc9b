package io.injectordoctor.explain;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.injectordoctor.testing.MockCluster;
import io.injectordoctor.testing.MockCluster.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every classification of src/test/resources/proxies/table.yaml as explain reports it, read from a
 * live API server and from the same file as a snapshot: {@code observed.proxy}, {@code observed.dataplane}
 * and {@code observed.builtIn} are what each pod's expect.injector-doctor.io annotations say, and both
 * paths give the same items. (ProxyObservationTest holds the same table against the model alone.)
 */
class ProxyTableTest {
    private static final Path TABLE = Path.of("src/test/resources/proxies/table.yaml");
    private static final String EXPECT = "expect.injector-doctor.io/";

    @Test
    void liveAndSnapshotClassifyEveryPodAsTheTableSays() throws Exception {
        ObjectMapper json = new ObjectMapper();
        try (MockCluster c = new MockCluster()) {
            c.apply(Files.readString(TABLE));
            Result live = c.run("explain", "pods", "-A", "-o", "json");
            Result file = Result.of("explain", "pods", "-A", "-o", "json", "--snapshot", TABLE.toString());
            assertThat(live.err()).isEmpty();
            // The printed commands carry each run's own source (--kubeconfig here, none for a file): the rest agrees.
            JsonNode liveItems = json.readTree(live.out().replace("--kubeconfig " + c.kubeconfig() + " ", "")).path("items");
            assertThat(json.readTree(file.out()).path("items")).isEqualTo(liveItems);
            assertThat(file.exitCode()).isEqualTo(live.exitCode());

            Map<String, JsonNode> observed = new HashMap<>();
            for (JsonNode item : liveItems) {
                observed.put(item.path("subject").path("name").asText(), item.path("observed"));
            }
            assertThat(observed).hasSize(13);
            for (var pod : c.client().pods().inAnyNamespace().list().getItems()) {
                Map<String, String> a = pod.getMetadata().getAnnotations();
                JsonNode o = observed.get(pod.getMetadata().getName());
                String name = pod.getMetadata().getName();
                assertThat(o.path("proxy").asText()).as(name).isEqualTo(a.get(EXPECT + "proxy"));
                assertThat(o.path("dataplane").asText()).as(name).isEqualTo(a.get(EXPECT + "dataplane"));
                assertThat(o.path("builtIn").isNull() || o.path("builtIn").isMissingNode() ? null : o.path("builtIn").asText())
                        .as(name).isEqualTo(a.get(EXPECT + "builtin"));
                assertThat(o.path("awaitingInjection").asBoolean()).as(name)
                        .isEqualTo("true".equals(a.get(EXPECT + "awaiting-injection")));
            }
            // Istio's own proxies are never a mismatch.
            for (JsonNode item : liveItems) {
                if ("mesh-infrastructure".equals(item.path("observed").path("proxy").asText())) {
                    assertThat(item.path("consistent").asBoolean(true)).as(item.path("subject").toString()).isTrue();
                }
            }
        }
    }
}
