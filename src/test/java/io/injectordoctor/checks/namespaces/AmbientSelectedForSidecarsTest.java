package io.injectordoctor.checks.namespaces;

import static org.assertj.core.api.Assertions.assertThat;

import io.injectordoctor.checks.CheckTester;
import io.injectordoctor.checks.Fixtures;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AmbientSelectedForSidecarsTest {
    @Test
    void anAmbientNamespaceLabelledForSidecarsGetsIstioctlsWarningInItsWords() {
        assertThat(CheckTester.run(new AmbientSelectedForSidecars(), Fixtures.healthyWith("ID0404/fires.yaml")))
                .singleElement().satisfies(f -> {
                    assertThat(f.subject()).isEqualTo("Namespace shop");
                    assertThat(f.message()).startsWith("The namespace has more than one type of injection labels "
                            + "[istio-injection=enabled istio.io/dataplane-mode=ambient], which may lead to undefined "
                            + "behavior. Make sure only one injection label exists (IST0123).")
                            .contains("pods created here get a sidecar", "takes precedence");
                    assertThat(f.evidence()).containsEntry("analyzer", "IST0123");
                    assertThat(commands(f)).containsExactly("kubectl label namespace shop istio-injection=disabled --overwrite");
                });
    }

    @Test
    void aRevisionTagIsResolvedToItsRevisionAndTheFixRemovesTheLabel() {
        assertThat(CheckTester.run(new AmbientSelectedForSidecars(), Fixtures.healthyWith("ID0404/fires-tag.yaml")))
                .singleElement().satisfies(f -> {
                    assertThat(f.message()).contains("[istio.io/rev=stable istio.io/dataplane-mode=ambient]",
                            "revision default (through tag stable)");
                    assertThat(commands(f)).containsExactly("kubectl label namespace shop istio-injection=disabled "
                            + "--overwrite", "kubectl label namespace shop istio.io/rev-");
                });
    }

    @Test
    void aPodWhoseOwnLabelBringsInTheSidecarIsFlagged() {
        assertThat(CheckTester.run(new AmbientSelectedForSidecars(), Fixtures.healthyWith("ID0404/fires-pod.yaml")))
                .singleElement().satisfies(f -> {
                    assertThat(f.subject()).isEqualTo("Pod shop/cart");
                    assertThat(f.evidence().get("selectedBy")).isEqualTo(List.of("istio-sidecar-injector/object.sidecar-injector.istio.io"));
                });
    }

    @Test
    void ambientThatOptsOutOfInjectionAndANoneLabelAreQuiet() {
        assertThat(CheckTester.run(new AmbientSelectedForSidecars(), Fixtures.healthyWith("ID0404/dont-fire.yaml"))).isEmpty();
        assertThat(CheckTester.run(new AmbientSelectedForSidecars(), Fixtures.healthyWith("ID0404/dont-fire-none.yaml")))
                .isEmpty();
    }

    @Test
    void theLabelsAreCountedAsTheAnalyzerCountsThem() {
        assertThat(AmbientSelectedForSidecars.analyzerLabels(Map.of("istio-injection", "disabled",
                "istio.io/dataplane-mode", "ambient"))).containsExactly("istio-injection=disabled");
        assertThat(AmbientSelectedForSidecars.analyzerLabels(Map.of("istio.io/rev", "canary",
                "istio.io/dataplane-mode", "ambient"))).containsExactly("istio.io/rev=canary", "istio.io/dataplane-mode=ambient");
    }

    /** The fix's commands, as printed for a run without source flags. */
    private static java.util.List<String> commands(io.injectordoctor.report.Finding f) {
        return f.fix().stream().filter(io.injectordoctor.report.Advice::isCommand)
                .map(a -> a.line(io.injectordoctor.report.Invocation.plain())).toList();
    }
}
