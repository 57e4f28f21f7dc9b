package io.injectordoctor.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.injectordoctor.cluster.ClusterSnapshot;
import io.injectordoctor.cluster.SnapshotFile;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every classification of src/test/resources/proxies/table.yaml, read as --snapshot reads a file:
 * each pod's expect.injector-doctor.io annotations say what it is. ProxyTableTest reads the same
 * pods from a live API server through explain.
 */
class ProxyObservationTest {
    static final String EXPECT = "expect.injector-doctor.io/";

    @Test
    void everyPodOfTheTableIsRecognisedAsItsAnnotationsSay() {
        ClusterSnapshot s = SnapshotFile.load(Path.of("src/test/resources/proxies/table.yaml"), "istio-system");
        assertThat(s.pods()).hasSize(13);
        for (PodInfo p : s.pods()) {
            Map<String, String> a = p.meta().annotations();
            ProxyObservation o = ProxyObservation.of(p);
            assertThat(o.kind().word()).as(p.meta().name()).isEqualTo(a.get(EXPECT + "proxy"));
            assertThat(o.dataplane(a).word()).as(p.meta().name()).isEqualTo(a.get(EXPECT + "dataplane"));
            assertThat(o.builtIn() == null ? null : o.builtIn().word()).as(p.meta().name())
                    .isEqualTo(a.get(EXPECT + "builtin"));
            assertThat(o.awaitingInjection()).as(p.meta().name())
                    .isEqualTo("true".equals(a.get(EXPECT + "awaiting-injection")));
            // Only a proxy the injector placed (and that can run) is held against the reference verdict.
            assertThat(o.runsInjectedProxy()).as(p.meta().name()).isEqualTo("sidecar".equals(a.get(EXPECT + "dataplane")));
        }
    }

    @Test
    void theRevisionThatInjectedAPodComesFromItsStatus() {
        ClusterSnapshot s = SnapshotFile.load(Path.of("src/test/resources/proxies/table.yaml"), "istio-system");
        assertThat(ProxyObservation.of(s.pod("shop", "web-sidecar").orElseThrow()).injectedRevision()).isEqualTo("default");
        assertThat(ProxyObservation.of(s.pod("shop", "by-hand").orElseThrow()).injectedRevision()).isNull();
    }

    @Test
    void ztunnelNeedsItsDaemonSetNotJustTheLabel() {
        PodInfo lookalike = new PodInfo(new ObjectMeta("shop", "fake", Map.of("app", "ztunnel"), Map.of(), null, null,
                java.util.List.of(new OwnerRef("ReplicaSet", "fake-1", null, true)), null),
                new PodSpecInfo(false, java.util.List.of(new ContainerInfo("istio-proxy", "docker.io/istio/ztunnel:1.28.0",
                        null, java.util.List.of("proxy", "ztunnel"), Map.of())), null, null, null), "Running", true);
        assertThat(ProxyObservation.of(lookalike).meshInfrastructure()).isFalse();
    }
}
