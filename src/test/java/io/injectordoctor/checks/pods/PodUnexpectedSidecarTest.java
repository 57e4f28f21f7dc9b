package io.injectordoctor.checks.pods;

import static org.assertj.core.api.Assertions.assertThat;

import io.injectordoctor.checks.CheckTester;
import io.injectordoctor.checks.Fixtures;
import io.injectordoctor.report.Advice;
import io.injectordoctor.report.Command;
import org.junit.jupiter.api.Test;

class PodUnexpectedSidecarTest {
    @Test
    void firesOnAPodInjectedBeforeItsNamespaceOptedOut() {
        assertThat(CheckTester.run(new PodUnexpectedSidecar(), Fixtures.healthyWith("ID0602/fires.yaml")))
                .singleElement().satisfies(f -> {
                    assertThat(f.subject()).isEqualTo("Pod batch/report");
                    assertThat(f.evidence()).containsEntry("reason", "NO_HOOK_MATCHED");
                    // A bare pod: nothing re-creates it, so its manifest is saved before it is deleted.
                    assertThat(f.fix()).filteredOn(Advice::isCommand).containsExactly(
                            Advice.run(Command.kubectl("get", "pod", "report", "-n", "batch", "-o", "yaml")
                                    .savingTo("report.yaml")),
                            Advice.run(Command.kubectl("delete", "pod", "report", "-n", "batch")),
                            Advice.run(Command.kubectl("create", "-f", "report.yaml")));
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
