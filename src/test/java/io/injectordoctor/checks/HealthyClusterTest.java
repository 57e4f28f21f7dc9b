package io.injectordoctor.checks;

import io.injectordoctor.report.Severity;
import io.injectordoctor.report.CheckResult;
import io.injectordoctor.report.CheckReport;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HealthyClusterTest {
    @Test
    void everyBuiltInCheckPassesOnAHealthyInstall() {
        CheckReport report = new Runner(CheckRegistry.builtIn()).run(Fixtures.snapshot(Fixtures.HEALTHY), RunOptions.all());

        assertThat(report.results()).hasSize(BuiltInChecks.all().size());
        assertThat(report.results()).allSatisfy(r -> assertThat(r.status())
                .as("%s: %s %s", r.id(), r.skipReason(), r.findings()).isEqualTo(CheckResult.Status.PASSED));
        assertThat(report.success(Severity.WARNING)).isTrue();
    }

    @Test
    void aDownInjectorFailsTheHealthChecksAndTheirDependantsStillRun() {
        CheckReport report = new Runner(CheckRegistry.builtIn()).run(Fixtures.snapshot(Fixtures.INJECTOR_DOWN),
                RunOptions.all());

        assertThat(report.results()).filteredOn(r -> r.status() == CheckResult.Status.FAILED)
                .extracting(CheckResult::id).containsExactlyInAnyOrder("ID0801", "ID0802", "ID0803");
        assertThat(report.success(Severity.ERROR)).isFalse();
    }
}
