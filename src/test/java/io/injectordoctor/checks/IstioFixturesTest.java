package io.injectordoctor.checks;

import io.injectordoctor.report.Finding;
import io.injectordoctor.report.CheckResult;
import io.injectordoctor.report.CheckReport;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.injectordoctor.checks.webhooks.WebhookServiceExists;
import io.injectordoctor.cluster.ClusterSnapshot;
import io.injectordoctor.cluster.SnapshotAssembler;
import io.injectordoctor.cluster.SnapshotFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Istio's own test objects (../shared/istio-fixtures), when present: the checks read real-world shapes. */
class IstioFixturesTest {
    private static final Path ROOT = Path.of("..", "shared", "istio-fixtures");

    private static ClusterSnapshot load(String... files) {
        assumeTrue(Files.isDirectory(ROOT), "istio-fixtures not present");
        ClusterSnapshot.Builder b = ClusterSnapshot.builder().source("istio-fixtures");
        SnapshotAssembler a = new SnapshotAssembler(b);
        for (String f : files) {
            SnapshotFile.readObjects(ROOT.resolve(f)).forEach(a::add);
        }
        return b.build();
    }

    @Test
    void theAnalyzersWebhookFixtureHasAHookOnAServiceThatDoesNotExist() {
        ClusterSnapshot s = load("pkg/config/analysis/analyzers/testdata/webhook.yaml");

        assertThat(CheckTester.run(new WebhookServiceExists(), s)).extracting(Finding::subject)
                .containsExactly("Service istio-system/fake", "Service istio-system/istiod");
    }

    @Test
    void everyCheckRunsOnIstiosInjectionStatesWithoutFailingItself() {
        ClusterSnapshot s = load("pkg/config/analysis/analyzers/testdata/injection.yaml",
                "pkg/config/analysis/analyzers/testdata/common/sidecar-injector-configmap.yaml",
                "istioctl/pkg/checkinject/testdata/check-inject/default-injector.yaml",
                "istioctl/pkg/checkinject/testdata/check-inject/never-match-injector.yaml");

        CheckReport report = new Runner(CheckRegistry.builtIn()).run(s, RunOptions.all());

        assertThat(report.results()).flatMap(CheckResult::findings).extracting(Finding::message)
                .noneMatch(m -> m.startsWith("the check itself failed"));
        assertThat(report.results()).filteredOn(r -> r.id().equals("ID0203")).singleElement()
                .satisfies(r -> assertThat(r.findings()).isNotEmpty());
    }
}
