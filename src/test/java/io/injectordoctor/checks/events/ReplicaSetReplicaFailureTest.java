package io.injectordoctor.checks.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.injectordoctor.checks.CheckTester;
import io.injectordoctor.report.Finding;
import io.injectordoctor.checks.Fixtures;
import org.junit.jupiter.api.Test;

class ReplicaSetReplicaFailureTest {
    @Test
    void firesOnReplicaFailureConditionsThatNameAnInjectionWebhook() {
        assertThat(CheckTester.run(new ReplicaSetReplicaFailure(), Fixtures.healthyWith("ID0902/fires.yaml")))
                .extracting(Finding::subject, f -> f.evidence().get("cause")).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("ReplicaSet default/api-7c8d9e", "unknown-authority"),
                        org.assertj.core.groups.Tuple.tuple("ReplicaSet default/web-6c9d8f7b5", "no-endpoints"));
    }

    @Test
    void staysQuietOnQuotaFailuresAndClearedConditions() {
        assertThat(CheckTester.run(new ReplicaSetReplicaFailure(), Fixtures.healthyWith("ID0902/dont-fire.yaml"))).isEmpty();
    }
}
