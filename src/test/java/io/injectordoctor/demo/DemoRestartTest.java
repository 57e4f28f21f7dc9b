package io.injectordoctor.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.injectordoctor.testing.MockCluster.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** On the broken demo, the runbook's remediation works end to end: before, restart, after. */
class DemoRestartTest {
    @TempDir
    Path dir;

    @Test
    void restartInjectorRepairsTheBrokenScenario() throws Exception {
        try (DemoCluster demo = DemoCluster.start(Scenario.BROKEN)) {
            Path kc = dir.resolve("demo.kubeconfig");
            demo.writeKubeconfig(kc);
            Result dry = Result.of("restart-injector", "--kubeconfig", kc.toString(), "--revision", "default", "--dry-run");
            assertThat(dry.exitCode()).as(dry.err()).isZero();
            assertThat(dry.out()).contains("nothing was changed");
            assertThat(Result.of("check-certs", "--kubeconfig", kc.toString(), "--no-probe").exitCode()).isEqualTo(1);

            Result real = Result.of("restart-injector", "--kubeconfig", kc.toString(), "--revision", "default", "--yes",
                    "--timeout", "60s", "-o", "json");
            assertThat(real.exitCode()).as(real.out() + real.err()).isZero();
            assertThat(real.out()).contains("kubectl.kubernetes.io/restartedAt").contains("\"result\" : \"FIXED\"");
            Result certs = Result.of("check-certs", "--kubeconfig", kc.toString(), "--no-probe");
            assertThat(certs.exitCode()).as(certs.out()).isZero();
            // The failure events stay for an hour; once the fix has worked they are past and check turns green.
            Result check = Result.of("check", "--kubeconfig", kc.toString(), "-n", "opt-in", "--no-color", "-v");
            assertThat(check.exitCode()).as(check.out()).isZero();
            assertThat(check.out()).contains("past, ReplicaSet checkout-5d8f7b6c9 created pod checkout-5d8f7b6c9-retry0");
            assertThat(Files.exists(kc)).isTrue();
        }
    }
}
