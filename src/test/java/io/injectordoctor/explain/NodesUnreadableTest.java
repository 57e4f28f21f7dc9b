package io.injectordoctor.explain;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.injectordoctor.checks.Fixtures;
import io.injectordoctor.testing.MockCluster;
import io.injectordoctor.testing.MockCluster.Result;
import org.junit.jupiter.api.Test;

/**
 * Nodes are read for their kubelet versions when permitted: with them, istiod 1.28's choice of a
 * native or regular sidecar is known; when listing nodes is forbidden, the mode is "unknown" and says
 * why, and explain still answers.
 */
class NodesUnreadableTest {
    private static final String NODE = """
            apiVersion: v1
            kind: Node
            metadata: {name: node-a}
            status:
              nodeInfo: {kubeletVersion: v1.33.1}
            """;

    private static String healthyInstall() {
        StringBuilder sb = new StringBuilder();
        for (String r : Fixtures.HEALTHY) {
            sb.append(Fixtures.text(r)).append("\n---\n");
        }
        return sb.toString();
    }

    private static JsonNode sidecarMode(MockCluster c) throws Exception {
        Result r = c.run("explain", "pod/sleep-5d8f7c9b4-q2w3e", "-n", "default", "-o", "json");
        assertThat(r.exitCode()).as(r.err()).isIn(0, 1);
        return new ObjectMapper().readTree(r.out()).path("sidecarMode");
    }

    @Test
    void readableNodesDecideTheMode() throws Exception {
        try (MockCluster c = new MockCluster()) {
            c.apply(healthyInstall()).apply(NODE);
            JsonNode mode = sidecarMode(c);
            assertThat(mode.path("mode").asText()).isEqualTo("native");
            assertThat(mode.path("because").toString()).contains("every node (1) runs kubelet 1.33 or later");
        }
    }

    @Test
    void forbiddenNodesMakeTheModeUnknown() throws Exception {
        try (MockCluster c = new MockCluster()) {
            c.apply(healthyInstall()).apply(NODE);
            c.server().expect().get().withPath("/api/v1/nodes?limit=500")
                    .andReturn(403, "{\"kind\":\"Status\",\"code\":403,\"reason\":\"Forbidden\",\"message\":\"nodes is forbidden\"}")
                    .always();
            JsonNode mode = sidecarMode(c);
            assertThat(mode.path("mode").asText()).isEqualTo("unknown");
            assertThat(mode.path("because").toString()).contains("kubelet versions are unknown");
        }
    }
}
