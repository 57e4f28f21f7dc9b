package io.injectordoctor.checks.pods;

import static org.assertj.core.api.Assertions.assertThat;

import io.injectordoctor.checks.CheckTester;
import io.injectordoctor.checks.Fixtures;
import org.junit.jupiter.api.Test;

class PodUnexpectedSidecarTest {
    @Test
    void firesOnAPodInjectedBeforeItsNamespaceOptedOut() {
        assertThat(CheckTester.run(new PodUnexpectedSidecar(), Fixtures.healthyWith("ID0602/fires.yaml")))
                .singleElement().satisfies(f -> {
                    assertThat(f.subject()).isEqualTo("Pod batch/report");
                    assertThat(f.evidence()).containsEntry("reason", "NO_HOOK_MATCHED")
                            .containsEntry("fix", "kubectl -n batch delete pod report (a bare pod: re-create it from its manifest)");
                });
    }

    @Test
    void staysQuietWhenTheAdmissionCannotBeDecided() {
        assertThat(CheckTester.run(new PodUnexpectedSidecar(), Fixtures.healthyWith("ID0602/dont-fire-unknown.yaml")))
                .isEmpty();
    }

    @Test
    void staysQuietOnANativeSidecarInAnOptedInNamespace() {
        assertThat(CheckTester.run(new PodUnexpectedSidecar(), Fixtures.healthyWith("ID0602/dont-fire.yaml"))).isEmpty();
    }
}
