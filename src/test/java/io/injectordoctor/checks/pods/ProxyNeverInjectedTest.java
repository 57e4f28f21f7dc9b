package io.injectordoctor.checks.pods;

import static org.assertj.core.api.Assertions.assertThat;

import io.injectordoctor.checks.CheckTester;
import io.injectordoctor.checks.Fixtures;
import org.junit.jupiter.api.Test;

class ProxyNeverInjectedTest {
    @Test
    void aGatewayInANamespaceThatOptsOutIsToldToLabelThenRestart() {
        assertThat(CheckTester.run(new ProxyNeverInjected(), Fixtures.healthyWith("ID0604/fires.yaml")))
                .singleElement().satisfies(f -> {
                    assertThat(f.message()).contains("image: auto", "injection is disabled in namespace edge (istio-injection=disabled)");
                    assertThat(f.evidence()).containsEntry("fix", "kubectl label namespace edge istio-injection=enabled "
                            + "--overwrite && kubectl -n edge rollout restart deployment/edge-gateway");
                });
    }

    @Test
    void aGatewayItsNamespaceSelectsNowWasCreatedBeforeAndIsRestarted() {
        assertThat(CheckTester.run(new ProxyNeverInjected(), Fixtures.healthyWith("ID0604/fires-selected.yaml")))
                .singleElement().satisfies(f -> {
                    assertThat(f.message()).contains("the injector would inject it now");
                    assertThat(f.evidence()).containsEntry("fix", "kubectl -n default rollout restart deployment/ingress");
                });
    }

    @Test
    void anInjectedGatewayIsQuiet() {
        assertThat(CheckTester.run(new ProxyNeverInjected(), Fixtures.healthyWith("ID0604/dont-fire.yaml"))).isEmpty();
    }
}
