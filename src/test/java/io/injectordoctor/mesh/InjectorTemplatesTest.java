package io.injectordoctor.mesh;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** inject.go selectTemplates and resolveAliases. */
class InjectorTemplatesTest {
    @Test
    void theAnnotationIsSplitOnCommasAndTrimmedAsIstiodDoes() {
        assertThat(InjectorTemplates.selected(Map.of("inject.istio.io/templates", " gateway , spire"), List.of("sidecar"),
                Map.of())).containsExactly("gateway", "spire");
        // An empty value and a trailing comma name a template "", which no injector has.
        assertThat(InjectorTemplates.selected(Map.of("inject.istio.io/templates", ""), List.of("sidecar"), Map.of()))
                .containsExactly("");
        assertThat(InjectorTemplates.selected(Map.of("inject.istio.io/templates", "sidecar,"), List.of(), Map.of()))
                .containsExactly("sidecar", "");
    }

    @Test
    void withoutTheAnnotationTheDefaultsApplyAndAliasesExpand() {
        assertThat(InjectorTemplates.selected(Map.of(), List.of("sidecar"), Map.of())).containsExactly("sidecar");
        assertThat(InjectorTemplates.selected(Map.of("inject.istio.io/templates", "mesh"), List.of(),
                Map.of("mesh", List.of("sidecar", "spire")))).containsExactly("sidecar", "spire");
    }

    @Test
    void theChartsBuiltInsAreAlwaysKnown() {
        assertThat(InjectorTemplates.known(Set.of("custom"))).contains("custom", "sidecar", "gateway", "waypoint",
                "kube-gateway", "grpc-agent", "grpc-simple").doesNotContain("gatewy");
        assertThat(InjectorTemplates.readsTemplateAnnotation(IstioVersion.parse("1.8.6").orElseThrow())).isFalse();
        assertThat(InjectorTemplates.readsTemplateAnnotation(IstioVersion.parse("1.28.0").orElseThrow())).isTrue();
    }
}
