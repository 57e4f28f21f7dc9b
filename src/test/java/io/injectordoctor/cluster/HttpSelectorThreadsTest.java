package io.injectordoctor.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.injectordoctor.testing.Gateways;
import io.injectordoctor.testing.MockCluster;
import org.junit.jupiter.api.Test;

class HttpSelectorThreadsTest {
    /** Reads go through HttpURLConnection and start no selector; the patch's JDK client does, and stop() ends it. */
    @Test
    void stopsTheSelectorThreadsThatWouldDelayExitAndLeavesLaterClientsWorking() throws InterruptedException {
        try (MockCluster c = new MockCluster()) {
            c.apply("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n  namespace: default\n");
            HttpSelectorThreads.stop();
            String url = "http://127.0.0.1:" + c.server().getPort();
            try (ClusterGateway api = Gateways.to(url)) {
                api.get(ResourceKind.CONFIGMAP, "default", "x");
                assertThat(HttpSelectorThreads.alive()).isZero();
                api.mergePatch(ResourceKind.CONFIGMAP, "default", "x", "{\"data\":{\"a\":\"b\"}}", "test", false);
                assertThat(HttpSelectorThreads.alive()).isPositive();
            }
            HttpSelectorThreads.stop();
            // stop() waits 100 ms for each thread; a loaded machine may need longer to let it end.
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
            while (HttpSelectorThreads.alive() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(HttpSelectorThreads.alive()).isZero();
            try (ClusterGateway api = Gateways.to(url)) {
                api.mergePatch(ResourceKind.CONFIGMAP, "default", "x", "{\"data\":{\"a\":\"c\"}}", "test", false);
                assertThat(api.get(ResourceKind.CONFIGMAP, "default", "x").path("data").path("a").asText()).isEqualTo("c");
            }
        }
    }
}
