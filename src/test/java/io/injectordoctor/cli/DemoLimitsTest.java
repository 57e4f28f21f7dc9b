package io.injectordoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.injectordoctor.ExitCode;
import io.injectordoctor.testing.MockCluster.Result;
import org.junit.jupiter.api.Test;

/** What the embedded demo cannot do is said to be the demo's limit, with what a real cluster would do. */
class DemoLimitsTest {
    private static final String MISMATCHED = "pod/legacy-api-59d4b8c7f6-pq7zd";

    @Test
    void checkCertsSaysTheDemoRunsNoInjectorInsteadOfBlamingPermissions() {
        Result r = Result.of("check-certs", "--demo", "--no-color");
        assertThat(r.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(r.out()).contains("the embedded demo cluster runs no injector process")
                .contains("on a real cluster check-certs port-forwards to a ready injector pod")
                .contains("checked on the embedded demo cluster")
                .doesNotContain("RBAC").doesNotContain("forbidden").doesNotContain("127.0.0.1");
    }

    @Test
    void explainProbeSaysTheDemoHasNoAdmissionChainAndKeepsTheVerdictsExitCode() {
        Result plain = Result.of("explain", MISMATCHED, "-n", "labelled-late", "--demo", "--no-color");
        Result probed = Result.of("explain", MISMATCHED, "-n", "labelled-late", "--probe", "--demo", "--no-color");
        assertThat(probed.err()).isEmpty();
        assertThat(probed.exitCode()).isEqualTo(plain.exitCode()).isEqualTo(ExitCode.FINDINGS);
        assertThat(probed.out()).contains("Probe: NOT SENT")
                .contains("the embedded demo cluster runs no admission webhooks")
                .contains("on a real cluster --probe sends a dry-run create")
                .doesNotContain("REJECTED").doesNotContain("refuses the pod").doesNotContain("RBAC");

        Result json = Result.of("explain", MISMATCHED, "-n", "labelled-late", "--probe", "--demo", "-o", "json");
        assertThat(json.exitCode()).isEqualTo(ExitCode.FINDINGS);
        assertThat(json.out()).contains("\"outcome\" : \"REFUSED\"").contains("runs no admission webhooks");
    }
}
