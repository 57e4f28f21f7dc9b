package io.injectordoctor.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.injectordoctor.testing.MockCluster;
import org.junit.jupiter.api.Test;

class HttpSelectorThreadsTest {
    @Test
    void stopsTheSelectorThreadsThatWouldDelayExitAndLeavesLaterClientsWorking() throws InterruptedException {
        try (MockCluster c = new MockCluster()) {
            c.apply("apiVersion: v1\nkind: Namespace\nmetadata:\n  name: x\n");
            try (ApiClient api = new ApiClient(ClusterConfig.build(c.kubeconfig(), null, 5))) {
                api.get("/api/v1/namespaces/x");
                assertThat(HttpSelectorThreads.alive()).isPositive();
            }
            HttpSelectorThreads.stop();
            // stop() waits 100 ms for each thread; a loaded machine may need longer to let it end.
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
            while (HttpSelectorThreads.alive() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(HttpSelectorThreads.alive()).isZero();
            try (ApiClient api = new ApiClient(ClusterConfig.build(c.kubeconfig(), null, 5))) {
                assertThat(api.get("/api/v1/namespaces/x").path("metadata").path("name").asText()).isEqualTo("x");
            }
        }
    }
}
