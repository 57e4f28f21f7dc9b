package io.injectordoctor.mesh;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SidecarStatusTest {
    @Test
    void readsTheRevisionAndWhereTheProxyWentAsIstioWritesIt() {
        SidecarStatus regular = SidecarStatus.parse("{\"initContainers\":[\"istio-init\"],\"containers\":[\"istio-proxy\"],"
                + "\"volumes\":[\"istio-envoy\"],\"imagePullSecrets\":null,\"revision\":\"1-28-0\"}").orElseThrow();
        assertThat(regular.revision()).isEqualTo("1-28-0");
        assertThat(regular.nativeSidecar()).isFalse();
        SidecarStatus nativeOne = SidecarStatus.parse("{\"initContainers\":[\"istio-init\",\"istio-proxy\"],\"containers\":null,"
                + "\"revision\":\"default\"}").orElseThrow();
        assertThat(nativeOne.nativeSidecar()).isTrue();
        assertThat(nativeOne.containers()).isEmpty();
    }

    @Test
    void anOldStatusWithoutRevisionOrOneThatIsNotJsonIsSaidSo() {
        assertThat(SidecarStatus.parse("{\"containers\":[\"istio-proxy\"]}").orElseThrow().revision()).isNull();
        assertThat(SidecarStatus.parse("{not json")).isEmpty();
        assertThat(SidecarStatus.parse("[1]")).isEmpty();
        assertThat(SidecarStatus.of(Map.of())).isEmpty();
    }
}
