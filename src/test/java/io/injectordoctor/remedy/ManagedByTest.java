package io.injectordoctor.remedy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ManagedByTest {
    @Test
    void recognisesArgoFluxAndTheIstioOperator() {
        assertThat(ManagedBy.managers(Map.of("app.kubernetes.io/instance", "mesh"),
                Map.of("argocd.argoproj.io/tracking-id", "mesh:apps/Deployment:istio-system/istiod")))
                .containsExactly("Argo CD (argocd.argoproj.io/tracking-id, app mesh)");
        assertThat(ManagedBy.managers(Map.of("kustomize.toolkit.fluxcd.io/name", "istio"), Map.of()))
                .containsExactly("Flux (kustomize.toolkit.fluxcd.io/name)");
        assertThat(ManagedBy.managers(Map.of("helm.toolkit.fluxcd.io/name", "istiod"), Map.of()))
                .containsExactly("Flux (helm.toolkit.fluxcd.io/name)");
        assertThat(ManagedBy.managers(Map.of("install.operator.istio.io/owning-resource", "installed-state"), Map.of()))
                .containsExactly("istio-operator (install.operator.istio.io/owning-resource)");
        assertThat(ManagedBy.managers(Map.of("operator.istio.io/component", "Pilot"), Map.of()))
                .containsExactly("istio-operator (operator.istio.io/component)");
    }

    @Test
    void aHelmInstanceLabelAloneIsNotGitOps() {
        assertThat(ManagedBy.managers(Map.of("app.kubernetes.io/instance", "istiod", "app", "istiod"),
                Map.of("meta.helm.sh/release-name", "istiod"))).isEmpty();
        assertThat(ManagedBy.managers(null, null)).isEmpty();
    }
}
