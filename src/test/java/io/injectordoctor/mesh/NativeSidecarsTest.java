package io.injectordoctor.mesh;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class NativeSidecarsTest {
    @Test
    void readsTheEnvironmentValueAsGoParsesABool() {
        assertThat(NativeSidecars.read(null)).isEqualTo(NativeSidecars.Setting.UNSET);
        assertThat(NativeSidecars.read("True")).isEqualTo(NativeSidecars.Setting.TRUE);
        assertThat(NativeSidecars.read("0")).isEqualTo(NativeSidecars.Setting.FALSE);
        assertThat(NativeSidecars.read("auto")).isEqualTo(NativeSidecars.Setting.AUTO);
        assertThat(NativeSidecars.read("yes")).isEqualTo(NativeSidecars.Setting.INVALID);
    }

    @Test
    void detectionIsTheDefaultFrom127() {
        assertThat(NativeSidecars.detectsByDefault(IstioVersion.parse("1.26.3").orElseThrow())).isFalse();
        assertThat(NativeSidecars.detectsByDefault(IstioVersion.parse("1.27.0").orElseThrow())).isTrue();
    }

    @Test
    void onlyTrueAndFalseOfThePodAnnotationCount() {
        assertThat(NativeSidecars.podChoice(Map.of("sidecar.istio.io/nativeSidecar", "true"))).contains(true);
        assertThat(NativeSidecars.podChoice(Map.of("sidecar.istio.io/nativeSidecar", "false"))).contains(false);
        assertThat(NativeSidecars.podChoice(Map.of("sidecar.istio.io/nativeSidecar", "yes"))).isEmpty();
    }

    @Test
    void theKubeletMinorIsRead() {
        assertThat(NativeSidecars.kubeletMinor("v1.33.2")).hasValue(33);
        assertThat(NativeSidecars.kubeletMinor("v1.31.4-eks-1234")).hasValue(31);
        assertThat(NativeSidecars.kubeletMinor("unknown")).isEmpty();
    }
}
