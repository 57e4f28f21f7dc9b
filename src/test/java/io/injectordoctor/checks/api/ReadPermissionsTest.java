package io.injectordoctor.checks.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.injectordoctor.checks.CheckTester;
import io.injectordoctor.report.Finding;
import io.injectordoctor.checks.Fixtures;
import io.injectordoctor.report.Severity;
import io.injectordoctor.cluster.ClusterSnapshot;
import io.injectordoctor.cluster.ResourceKind;
import org.junit.jupiter.api.Test;

class ReadPermissionsTest {
    @Test
    void firesForEachRefusedKindWithTheCommandThatConfirmsIt() {
        ClusterSnapshot s = Fixtures.snapshot(Fixtures.HEALTHY).toBuilder()
                .unreadable(ResourceKind.SECRET, "forbidden: User \"dev\" cannot list resource \"secrets\"")
                .unreadable(ResourceKind.MUTATING_WEBHOOK_CONFIGURATION, "forbidden").build();

        assertThat(CheckTester.run(new ReadPermissions(), s)).hasSize(2).allSatisfy(f ->
                assertThat(f.severity()).isEqualTo(Severity.WARNING))
                .extracting(Finding::subject, f -> f.evidence().get("confirm"))
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Resource mutatingwebhookconfigurations.admissionregistration.k8s.io",
                                "kubectl auth can-i list mutatingwebhookconfigurations.admissionregistration.k8s.io"),
                        org.assertj.core.groups.Tuple.tuple("Resource secrets",
                                "kubectl -n istio-system auth can-i get secrets/istio-ca-secret"));
    }

    @Test
    void staysQuietWhenEverythingCouldBeRead() {
        assertThat(CheckTester.run(new ReadPermissions(), Fixtures.snapshot(Fixtures.HEALTHY))).isEmpty();
    }
}
