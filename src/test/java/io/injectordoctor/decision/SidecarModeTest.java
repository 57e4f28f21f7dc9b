package io.injectordoctor.decision;

import static org.assertj.core.api.Assertions.assertThat;

import io.injectordoctor.decision.SidecarMode.Mode;
import io.injectordoctor.mesh.IstioVersion;
import io.injectordoctor.mesh.RuleSet;
import io.injectordoctor.model.NodeInfo;
import io.injectordoctor.model.ObjectMeta;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** ENABLE_NATIVE_SIDECARS, the pod's annotation and the kubelets, version by version. */
class SidecarModeTest {
    private static final List<NodeInfo> NEW = List.of(node("a", "v1.33.1"), node("b", "v1.34.0"));
    private static final List<NodeInfo> MIXED = List.of(node("a", "v1.33.1"), node("old", "v1.32.4"));

    private static NodeInfo node(String name, String kubelet) {
        return new NodeInfo(ObjectMeta.of(null, name), kubelet);
    }

    private static Decision.InjectorInfo istiod(String version, String env) {
        return new Decision.InjectorInfo("default", version, "image", RuleSet.forVersion(IstioVersion.parse(version).orElse(null)),
                "istio-system/istio-sidecar-injector", new Decision.NativeSidecarsEnv(true, env));
    }

    private static Mode mode(Decision.InjectorInfo i, Map<String, String> annotations, List<NodeInfo> nodes) {
        return SidecarMode.of(i, annotations, nodes, nodes == null ? "forbidden: cannot list nodes" : null).mode();
    }

    @Test
    void from127UnsetMeansDetectionOverEveryNode() {
        assertThat(mode(istiod("1.28.0", null), Map.of(), NEW)).isEqualTo(Mode.NATIVE);
        assertThat(mode(istiod("1.28.0", null), Map.of(), MIXED)).isEqualTo(Mode.REGULAR);
        assertThat(mode(istiod("1.28.0", null), Map.of(), List.of())).isEqualTo(Mode.REGULAR);
        assertThat(mode(istiod("1.28.0", "auto"), Map.of(), NEW)).isEqualTo(Mode.NATIVE);
    }

    @Test
    void unreadableNodesMakeTheModeUnknownAndSaySo() {
        SidecarMode m = SidecarMode.of(istiod("1.28.0", null), Map.of(), null, "forbidden: cannot list nodes");
        assertThat(m.mode()).isEqualTo(Mode.UNKNOWN);
        assertThat(m.because()).last().asString().contains("forbidden: cannot list nodes");
    }

    @Test
    void before127TheFlagDefaultsToFalseAndTrueMeansNative() {
        assertThat(mode(istiod("1.26.2", null), Map.of(), NEW)).isEqualTo(Mode.REGULAR);
        assertThat(mode(istiod("1.26.2", "true"), Map.of(), MIXED)).isEqualTo(Mode.NATIVE);
        assertThat(mode(istiod("1.26.2", "auto"), Map.of(), NEW)).isEqualTo(Mode.REGULAR);
    }

    @Test
    void falseIsNeverAndThePodAnnotationWins() {
        assertThat(mode(istiod("1.28.0", "false"), Map.of(), NEW)).isEqualTo(Mode.REGULAR);
        assertThat(mode(istiod("1.28.0", "false"), Map.of("sidecar.istio.io/nativeSidecar", "true"), MIXED))
                .isEqualTo(Mode.NATIVE);
        assertThat(mode(istiod("1.28.0", null), Map.of("sidecar.istio.io/nativeSidecar", "false"), NEW))
                .isEqualTo(Mode.REGULAR);
        // Any other value leaves istiod's setting in place.
        assertThat(mode(istiod("1.28.0", null), Map.of("sidecar.istio.io/nativeSidecar", "yes"), NEW))
                .isEqualTo(Mode.NATIVE);
    }

    @Test
    void anExplicitTrueFrom127IsNativeWhenTheNodesPassElseNotKnown() {
        assertThat(mode(istiod("1.28.0", "true"), Map.of(), NEW)).isEqualTo(Mode.NATIVE);
        assertThat(mode(istiod("1.28.0", "true"), Map.of(), MIXED)).isEqualTo(Mode.UNKNOWN);
    }

    @Test
    void withoutIstiodsDeploymentTheSettingIsNotKnown() {
        Decision.InjectorInfo unknown = new Decision.InjectorInfo("default", null, "not found", RuleSet.ISTIO_1_27_PLUS,
                "istio-system/istio-sidecar-injector");
        assertThat(mode(unknown, Map.of(), NEW)).isEqualTo(Mode.UNKNOWN);
    }
}
