package io.injectordoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.injectordoctor.ExitCode;
import io.injectordoctor.testing.MockCluster;
import io.injectordoctor.testing.MockCluster.Result;
import org.junit.jupiter.api.Test;

/** kubectl's habit: global options before the subcommand work as they do after it. */
class GlobalArgumentsTest {
    @Test
    void globalOptionsBeforeTheSubcommandMoveBehindItWithTheirValues() {
        assertThat(GlobalArguments.reorder(new String[] {"--demo", "explain", "pods", "-A"}))
                .containsExactly("explain", "--demo", "pods", "-A");
        assertThat(GlobalArguments.reorder(new String[] {"--kubeconfig", "k", "--context", "c", "-n", "shop", "check"}))
                .containsExactly("check", "--kubeconfig", "k", "--context", "c", "-n", "shop");
        assertThat(GlobalArguments.reorder(new String[] {"--context=c", "-nshop", "-o", "json", "check", "--only", "ID0801"}))
                .containsExactly("check", "--context=c", "-nshop", "-o", "json", "--only", "ID0801");
        // a value that looks like a subcommand is still the option's value
        assertThat(GlobalArguments.reorder(new String[] {"-n", "check", "explain", "pods"}))
                .containsExactly("explain", "-n", "check", "pods");
    }

    @Test
    void anythingElseIsLeftForPicocliToJudge() {
        String[][] unchanged = {
            {"explain", "pods", "--demo"},
            {"--version"},
            {"--help"},
            {"--demo"},
            {"--frobnicate", "check"},
            {"--context"},
        };
        for (String[] args : unchanged) {
            assertThat(GlobalArguments.reorder(args)).as(String.join(" ", args)).containsExactly(args);
        }
    }

    @Test
    void theReadmesFirstCommandRunsWithTheFlagFirstAsKubectlUsersTypeIt() {
        Result r = Result.of("--demo", "--no-color", "explain", "pods", "-A");
        assertThat(r.err()).isEmpty();
        assertThat(r.exitCode()).isEqualTo(ExitCode.FINDINGS);
        assertThat(r.out()).contains("22 pods: 21 consistent, 1 mismatched");
    }

    @Test
    void kubeconfigAndContextBeforeTheSubcommandReachTheCluster() {
        try (MockCluster c = new MockCluster()) {
            c.apply("""
                    apiVersion: v1
                    kind: Namespace
                    metadata:
                      name: shop
                    """);
            Result r = Result.of("--kubeconfig", c.kubeconfig().toString(), "-o", "json", "check", "--only", "ID0101");
            assertThat(r.err()).isEmpty();
            assertThat(r.out()).contains("\"id\" : \"ID0101\"");
            assertThat(c.requestCount()).isPositive();
        }
    }

    @Test
    void aGlobalOptionBeforeACommandThatDoesNotTakeItIsAUsageError() {
        Result r = Result.of("--demo", "docs");
        assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).contains("--demo");
    }
}
