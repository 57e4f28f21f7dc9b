package io.injectordoctor.checks;

import io.injectordoctor.report.Finding;
import io.injectordoctor.report.Severity;
import io.injectordoctor.report.CheckResult;
import io.injectordoctor.report.CheckReport;
import static org.assertj.core.api.Assertions.assertThat;

import io.injectordoctor.cluster.ClusterSnapshot;
import io.injectordoctor.cluster.ResourceKind;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RunnerTest {
    private final Runner runner = new Runner(CheckRegistry.builtIn());

    private static CheckResult result(CheckReport report, String id) {
        return report.results().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void categoriesComeInTheirFixedOrder() {
        CheckReport report = runner.run(Fixtures.snapshot(Fixtures.HEALTHY), RunOptions.all());

        assertThat(report.categories()).extracting(CheckReport.CategoryResult::name).containsExactly(
                "kubernetes-api", "injection-webhooks", "injector-config", "namespaces", "workloads", "pods",
                "certificates", "injector-health", "events");
    }

    @Test
    void aFailedPrerequisiteSkipsItsDependantsWithTheReason() {
        CheckReport report = runner.run(Fixtures.snapshot("base/app.yaml", "ID0201/fires.yaml"), RunOptions.all());

        assertThat(result(report, "ID0201").status()).isEqualTo(CheckResult.Status.FAILED);
        CheckResult shape = result(report, "ID0202");
        assertThat(shape.status()).isEqualTo(CheckResult.Status.SKIPPED);
        assertThat(shape.skipReason()).isEqualTo("prerequisite ID0201 (injection webhooks are present) failed");
        // ID0204 is skipped, so ID0801, which needs it, is skipped in turn.
        assertThat(result(report, "ID0801").skipReason()).isEqualTo(
                "prerequisite ID0204 (injection hooks call an existing service) was skipped");
    }

    @Test
    void anUnreadableKindSkipsTheChecksThatReadItOnly() {
        ClusterSnapshot s = Fixtures.snapshot(Fixtures.HEALTHY).toBuilder()
                .unreadable(ResourceKind.EVENT, "forbidden: cannot list events").build();
        CheckReport report = runner.run(s, RunOptions.all());

        assertThat(result(report, "ID0901").skipReason()).isEqualTo("cannot read events: forbidden: cannot list events");
        assertThat(result(report, "ID0902").status()).isEqualTo(CheckResult.Status.PASSED);
        assertThat(result(report, "ID0102").status()).isEqualTo(CheckResult.Status.WARNED);
    }

    @Test
    void warningsDoNotFailTheRunUnlessAskedTo() {
        CheckReport report = runner.run(Fixtures.healthyWith("ID0402/fires.yaml"), RunOptions.all());

        assertThat(result(report, "ID0402").status()).isEqualTo(CheckResult.Status.WARNED);
        assertThat(report.success(Severity.ERROR)).isTrue();
        assertThat(report.success(Severity.WARNING)).isFalse();
    }

    @Test
    void onlyAndSkipSelectChecksAndAnUnselectedPrerequisiteIsNotEnforced() {
        CheckReport report = runner.run(Fixtures.snapshot("base/app.yaml", "ID0201/fires.yaml"),
                new RunOptions(Set.of("ID0202", "ID0402", "ID0403"), Set.of("ID0403")));

        assertThat(report.results()).extracting(CheckResult::id).containsExactly("ID0202", "ID0402");
        assertThat(result(report, "ID0202").status()).isEqualTo(CheckResult.Status.PASSED);
        assertThat(new RunOptions(Set.of("ID0202", "NOPE1"), Set.of("ID9999")).unknown(CheckRegistry.builtIn().ids()))
                .containsExactly("ID9999", "NOPE1");
    }

    @Test
    void theIgnoreAnnotationOnANamespaceOrAnOwningWorkloadSuppressesAndCounts() {
        CheckReport report = runner.run(Fixtures.healthyWith("ID0602/fires.yaml", "runner/suppressed.yaml"), RunOptions.all());

        CheckResult conflicting = result(report, "ID0402");
        assertThat(conflicting.status()).isEqualTo(CheckResult.Status.PASSED);
        assertThat(conflicting.suppressed()).extracting(Finding::subject).containsExactly("Namespace orders");
        CheckResult missing = result(report, "ID0601");
        assertThat(missing.suppressed()).extracting(Finding::subject).containsExactly("Pod default/legacy-6b7c8d9f-zx9y8");
        assertThat(missing.findings()).isEmpty();
        assertThat(result(report, "ID0602").findings()).extracting(Finding::subject).containsExactly("Pod batch/report");
        assertThat(report.suppressedCount()).isEqualTo(2);
    }

    @Test
    void aCheckThatThrowsFailsWithoutStoppingTheRun() {
        Check broken = new Check() {
            @Override
            public String id() {
                return "BROKEN1";
            }

            @Override
            public List<Finding> run(CheckContext context) {
                throw new IllegalStateException("boom");
            }
        };
        CheckRegistry registry = CheckRegistry.of(BuiltInChecks.all(), List.of(broken), getClass().getClassLoader());
        CheckReport report = new Runner(registry).run(Fixtures.snapshot(Fixtures.HEALTHY), RunOptions.all());

        CheckResult r = result(report, "BROKEN1");
        assertThat(r.status()).isEqualTo(CheckResult.Status.FAILED);
        assertThat(r.findings()).extracting(Finding::message)
                .containsExactly("the check itself failed: java.lang.IllegalStateException: boom");
        assertThat(r.category()).isEqualTo(Categories.PLUGINS);
        assertThat(report.categories()).last().extracting(CheckReport.CategoryResult::name).isEqualTo("plugins");
        assertThat(result(report, "ID0201").status()).isEqualTo(CheckResult.Status.PASSED);
    }
}
