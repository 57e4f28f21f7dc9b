package io.injectordoctor.checks.pods;

import static org.assertj.core.api.Assertions.assertThat;

import io.injectordoctor.checks.CheckTester;
import io.injectordoctor.checks.Fixtures;
import org.junit.jupiter.api.Test;

class StaleRevisionProxyTest {
    @Test
    void aPodInjectedBeforeItsTagMovedRunsTheOldRevisionAndItsOwnWorkloadIsRestarted() {
        assertThat(CheckTester.run(new StaleRevisionProxy(), Fixtures.healthyWith("ID0603/fires.yaml")))
                .singleElement().satisfies(f -> {
                    assertThat(f.subject()).isEqualTo("Pod payments/ledger-5c6d7f8b9-k2p4q");
                    assertThat(f.message()).contains("runs the proxy of revision default",
                            "revision canary (through tag stable)");
                    assertThat(f.evidence()).containsEntry("injectedRevision", "default")
                            .containsEntry("selectedRevision", "canary").containsEntry("tag", "stable")
                            .containsEntry("injectedRevisionStillServed", true);
                    assertThat(commands(f)).containsExactly("kubectl rollout restart deployment/ledger -n payments");
                });
    }

    @Test
    void aPodOfTheRevisionThatSelectsItIsCurrent() {
        assertThat(CheckTester.run(new StaleRevisionProxy(), Fixtures.healthyWith("ID0603/dont-fire.yaml"))).isEmpty();
    }

    /** The fix's commands, as printed for a run without source flags. */
    private static java.util.List<String> commands(io.injectordoctor.report.Finding f) {
        return f.fix().stream().filter(io.injectordoctor.report.Advice::isCommand)
                .map(a -> a.line(io.injectordoctor.report.Invocation.plain())).toList();
    }
}
