package io.injectordoctor.mesh;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** istio-cni's default enablement selectors, case by case (cni/pkg/util/enablement_selector.go). */
class DataplaneTest {
    private static final Map<String, String> AMBIENT = Map.of("istio.io/dataplane-mode", "ambient");
    private static final Map<String, String> NONE = Map.of("istio.io/dataplane-mode", "none");

    @Test
    void anAmbientNamespaceTakesItsPodsUnlessTheyOptOut() {
        assertThat(Dataplane.selectedForAmbient("shop", AMBIENT, Map.of(), Map.of())).isTrue();
        assertThat(Dataplane.selectedForAmbient("shop", AMBIENT, NONE, Map.of())).isFalse();
    }

    @Test
    void anAmbientPodIsTakenInAnyNamespace() {
        assertThat(Dataplane.selectedForAmbient("plain", Map.of(), AMBIENT, Map.of())).isTrue();
        assertThat(Dataplane.selectedForAmbient("plain", Map.of(), Map.of(), Map.of())).isFalse();
    }

    @Test
    void aSidecarTakesPrecedenceAndKubeSystemIsExcluded() {
        assertThat(Dataplane.selectedForAmbient("shop", AMBIENT, AMBIENT,
                Map.of("sidecar.istio.io/status", "{}"))).isFalse();
        assertThat(Dataplane.selectedForAmbient("kube-system", AMBIENT, AMBIENT, Map.of())).isFalse();
    }

    @Test
    void theCnisAnnotationSaysWhetherItTookThePod() {
        assertThat(Dataplane.captured(Map.of("ambient.istio.io/redirection", "enabled"))).isTrue();
        assertThat(Dataplane.captured(Map.of("ambient.istio.io/redirection", "pending"))).isFalse();
        assertThat(Dataplane.pending(Map.of("ambient.istio.io/redirection", "pending"))).isTrue();
        assertThat(Dataplane.captured(Map.of())).isFalse();
    }
}
