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
                            .containsEntry("injectedRevisionStillServed", true)
                            .containsEntry("fix", "kubectl -n payments rollout restart deployment/ledger");
                });
    }

    @Test
    void aPodOfTheRevisionThatSelectsItIsCurrent() {
        assertThat(CheckTester.run(new StaleRevisionProxy(), Fixtures.healthyWith("ID0603/dont-fire.yaml"))).isEmpty();
    }
}
