package io.injectordoctor.checks.certs;

import static org.assertj.core.api.Assertions.assertThat;

import io.injectordoctor.checks.CheckTester;
import io.injectordoctor.report.Finding;
import io.injectordoctor.checks.Fixtures;
import io.injectordoctor.report.Severity;
import org.junit.jupiter.api.Test;

class CaBundleTrustsRootTest {
    @Test
    void firesWhenABundleHoldsAnotherRoot() {
        assertThat(CheckTester.problems(new CaBundleTrustsRoot(), Fixtures.healthyWith("ID0701/fires.yaml")))
                .singleElement().satisfies(f -> {
                    assertThat(f.severity()).isEqualTo(Severity.ERROR);
                    assertThat(f.subject()).isEqualTo("MutatingWebhookConfiguration istio-sidecar-injector-stale");
                    assertThat(f.message()).contains("x509: certificate signed by unknown authority");
                    assertThat(f.evidence()).containsEntry("code", "CA_BUNDLE_ROOT_MISSING");
                });
    }

    @Test
    void firesWhenTheRootIsNotFoundOrTheBundleIsEmpty() {
        assertThat(CheckTester.problems(new CaBundleTrustsRoot(), Fixtures.snapshot("base/control-plane.yaml")))
                .extracting(Finding::evidence).extracting(e -> e.get("code")).contains("ROOT_NOT_FOUND");
        assertThat(CheckTester.problems(new CaBundleTrustsRoot(), Fixtures.snapshot("ID0204/fires.yaml",
                "base/mesh-root.yaml"))).extracting(Finding::evidence).extracting(e -> e.get("code")).contains("CA_BUNDLE_EMPTY");
    }

    @Test
    void staysQuietWhenEveryBundleHoldsTheRoot() {
        assertThat(CheckTester.problems(new CaBundleTrustsRoot(), Fixtures.healthyWith("ID0701/dont-fire.yaml"))).isEmpty();
    }
}
