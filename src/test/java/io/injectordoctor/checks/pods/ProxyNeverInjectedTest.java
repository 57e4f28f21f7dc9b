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
                    assertThat(commands(f)).containsExactly("kubectl label namespace edge istio-injection=enabled "
                            + "--overwrite", "kubectl rollout restart deployment/edge-gateway -n edge");
                });
    }

    @Test
    void aGatewayItsNamespaceSelectsNowWasCreatedBeforeAndIsRestarted() {
        assertThat(CheckTester.run(new ProxyNeverInjected(), Fixtures.healthyWith("ID0604/fires-selected.yaml")))
                .singleElement().satisfies(f -> {
                    assertThat(f.message()).contains("the injector would inject it now");
                    assertThat(commands(f)).containsExactly("kubectl rollout restart deployment/ingress -n default");
                });
    }

    @Test
    void anInjectedGatewayIsQuiet() {
        assertThat(CheckTester.run(new ProxyNeverInjected(), Fixtures.healthyWith("ID0604/dont-fire.yaml"))).isEmpty();
    }

    /** The fix's commands, as printed for a run without source flags. */
    private static java.util.List<String> commands(io.injectordoctor.report.Finding f) {
        return f.fix().stream().filter(io.injectordoctor.report.Advice::isCommand)
                .map(a -> a.line(io.injectordoctor.report.Invocation.plain())).toList();
    }
}
