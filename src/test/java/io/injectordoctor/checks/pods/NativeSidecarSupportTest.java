package io.injectordoctor.checks.pods;

import static org.assertj.core.api.Assertions.assertThat;

import io.injectordoctor.checks.CheckTester;
import io.injectordoctor.checks.Fixtures;
import io.injectordoctor.cluster.ClusterSnapshot;
import io.injectordoctor.cluster.ResourceKind;
import org.junit.jupiter.api.Test;

class NativeSidecarSupportTest {
    @Test
    void aForcedNativeSidecarWithANodeOlderThan129IsFlagged() {
        assertThat(CheckTester.run(new NativeSidecarSupport(), Fixtures.healthyWith("ID0605/fires.yaml")))
                .singleElement().satisfies(f -> {
                    assertThat(f.subject()).isEqualTo("Pod default/batch-job-x7k2p");
                    assertThat(f.evidence()).containsEntry("node", "node-old").containsEntry("kubeletVersion", "v1.28.9");
                    assertThat(f.message()).contains("sidecar.istio.io/nativeSidecar=true");
                });
    }

    @Test
    void nodesThatRunNativeSidecarsAreQuiet() {
        assertThat(CheckTester.run(new NativeSidecarSupport(), Fixtures.healthyWith("ID0605/dont-fire.yaml"))).isEmpty();
    }

    @Test
    void unreadableNodesLeaveItSilent() {
        ClusterSnapshot s = Fixtures.healthyWith("ID0605/fires.yaml").toBuilder()
                .unreadable(ResourceKind.NODE, "forbidden: cannot list nodes").build();
        assertThat(CheckTester.run(new NativeSidecarSupport(), s)).isEmpty();
    }
}
