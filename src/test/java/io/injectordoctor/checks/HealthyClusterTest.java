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

    /**
     * The "done when": ztunnel, istio-cni, an ambient namespace and its pods, a waypoint, a Gateway
     * API gateway and an injected ingress gateway are all healthy, so every check passes.
     */
    @Test
    void everyBuiltInCheckPassesOnAHealthyAmbientMesh() {
        String[] files = java.util.stream.Stream.concat(java.util.Arrays.stream(Fixtures.HEALTHY),
                java.util.stream.Stream.of("base/ambient-mesh.yaml")).toArray(String[]::new);
        io.injectordoctor.cluster.ClusterSnapshot snapshot = Fixtures.snapshot(files);
        // The fixture is read as a cluster would show it: three built-in proxies, one ambient pod.
        assertThat(snapshot.pods()).filteredOn(p -> io.injectordoctor.model.ProxyObservation.of(p).meshInfrastructure())
                .hasSize(3);
        assertThat(snapshot.pods()).filteredOn(p -> "shop".equals(p.meta().namespace())).hasSize(2);
        CheckReport report = new Runner(CheckRegistry.builtIn()).run(snapshot, RunOptions.all());

        assertThat(report.results()).allSatisfy(r -> assertThat(r.status())
                .as("%s: %s %s", r.id(), r.skipReason(), r.findings()).isEqualTo(CheckResult.Status.PASSED));
        assertThat(report.success(Severity.INFO)).isTrue();
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
