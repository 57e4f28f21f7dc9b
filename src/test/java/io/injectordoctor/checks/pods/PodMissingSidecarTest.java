package io.injectordoctor.checks.pods;

import static org.assertj.core.api.Assertions.assertThat;

import io.injectordoctor.checks.CheckTester;
import io.injectordoctor.checks.Fixtures;
import io.injectordoctor.report.Advice;
import io.injectordoctor.report.Command;
import java.util.List;
import org.junit.jupiter.api.Test;

class PodMissingSidecarTest {
    @Test
    void firesOnAPodCreatedBeforeItsNamespaceWasLabelledAndGivesTheRestart() {
        assertThat(CheckTester.run(new PodMissingSidecar(), Fixtures.healthyWith("ID0601/fires.yaml")))
                .singleElement().satisfies(f -> {
                    assertThat(f.subject()).isEqualTo("Pod default/legacy-6b7c8d9f-zx9y8");
                    assertThat(f.message()).startsWith("should have the sidecar but runs without istio-proxy: ");
                    assertThat(f.evidence()).containsEntry("hooks",
                            List.of("istio-sidecar-injector/namespace.sidecar-injector.istio.io"));
                    assertThat(f.fix()).containsExactly(Advice.run(
                            Command.kubectl("rollout", "restart", "deployment/legacy", "-n", "default")));
                });
    }

    @Test
    void anAmbientPodAlsoSelectedForSidecarsKeepsAmbientInsteadOfBeingRestarted() {
        assertThat(CheckTester.run(new PodMissingSidecar(), Fixtures.healthyWith("ID0601/fires-ambient.yaml")))
                .singleElement().satisfies(f -> {
                    assertThat(f.subject()).isEqualTo("Pod shop/cart-7c9d8f6b5-q2w3e");
                    assertThat(f.fix()).startsWith(Advice.run(Command.kubectl("label", "namespace", "shop",
                            "istio-injection=disabled", "--overwrite")));
                    assertThat(f.fix()).noneMatch(a -> a.isCommand() && a.command().args().contains("restart"));
                });
    }

    @Test
    void staysQuietOnOptedOutHostNetworkAndKubeSystemPods() {
        assertThat(CheckTester.run(new PodMissingSidecar(), Fixtures.healthyWith("ID0601/dont-fire.yaml"))).isEmpty();
    }

    @Test
    void staysQuietWhenTheInjectorConfigIsMissingBecauseThereIsNoVerdict() {
        assertThat(CheckTester.run(new PodMissingSidecar(), Fixtures.snapshot(Fixtures.WITHOUT_CONFIG[0],
                Fixtures.WITHOUT_CONFIG[1], Fixtures.WITHOUT_CONFIG[2], "ID0601/fires.yaml"))).isEmpty();
    }
}
