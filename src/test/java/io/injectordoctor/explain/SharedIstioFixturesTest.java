package io.injectordoctor.explain;

import io.injectordoctor.decision.ReferenceInjector;
import io.injectordoctor.report.Explanation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.injectordoctor.DoctorException;
import io.injectordoctor.cluster.ClusterSnapshot;
import io.injectordoctor.cluster.SnapshotFile;
import io.injectordoctor.decision.Decision;
import io.injectordoctor.decision.HookEvaluation;
import io.injectordoctor.decision.InjectionSubject;
import io.injectordoctor.model.PodInfo;
import io.injectordoctor.model.WorkloadInfo;
import io.injectordoctor.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.DynamicTest;

/**
 * Real objects from Istio's own repository (kept outside this project, in ../shared): they must load
 * and evaluate without error, and the check-inject configurations must give Istio's own verdicts.
 * Skipped when ../shared is not there.
 */
class SharedIstioFixturesTest {
    private static final Path ROOT = Path.of("..", "shared", "istio-fixtures");

    @TestFactory
    Stream<DynamicTest> everyClusterStateFileLoadsAndEvaluates() throws IOException {
        assumeThat(Files.isDirectory(ROOT)).as("../shared/istio-fixtures is absent").isTrue();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(ROOT)) {
            files = walk.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".injected")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThan(20);
        return files.stream().map(f -> DynamicTest.dynamicTest(ROOT.relativize(f).toString(), () -> {
            ClusterSnapshot s;
            try {
                s = SnapshotFile.load(f, "istio-system");
            } catch (DoctorException e) {
                // Helm templates ({{ ... }}) and mesh config fragments (no kind) are not cluster state.
                String text = Files.readString(f);
                if (text.contains("kind:")) {
                    assertThat(text).as(e.getMessage()).contains("{{");
                } else {
                    assertThat(e.getMessage()).contains("has no 'kind'");
                }
                return;
            }
            Explainer explainer = Explainer.of(s, null);
            for (PodInfo p : s.pods()) {
                Explanation e = explainer.explainPod(namespaced(p));
                assertThat(e.reference().reasons()).isNotEmpty();
            }
            for (WorkloadInfo w : s.workloads()) {
                assertThat(explainer.explainWorkload(w).reference().reasons()).isNotEmpty();
            }
        }));
    }

    private static PodInfo namespaced(PodInfo p) {
        if (p.meta().namespace() != null) {
            return p;
        }
        io.injectordoctor.model.ObjectMeta m = p.meta();
        return new PodInfo(new io.injectordoctor.model.ObjectMeta("default", m.name(), m.labels(), m.annotations(), m.uid(),
                m.creationTimestamp(), m.owners(), m.generation()), p.spec(), p.phase(), p.ready());
    }

    private static List<String> matched(String mwcFile, Map<String, String> nsLabels, Map<String, String> podLabels)
            throws IOException {
        Path f = ROOT.resolve("istioctl/pkg/checkinject/testdata/check-inject").resolve(mwcFile);
        assumeThat(Files.exists(f)).as("../shared/istio-fixtures is absent").isTrue();
        ClusterSnapshot s = Fixtures.snapshot(Files.readString(f));
        Map<String, String> labels = new java.util.HashMap<>(nsLabels);
        labels.put("kubernetes.io/metadata.name", "test");
        Decision d = ReferenceInjector.of(s, null).decide(
                new InjectionSubject("test", podLabels, Map.of(), false), labels);
        assertThat(d.hooks()).isNotEmpty();
        return d.matchedHooks().stream().map(HookEvaluation::name).toList();
    }

    @Test
    void checkInjectDefaultInjectorGivesIstiosVerdicts() throws IOException {
        assertThat(matched("default-injector.yaml", Map.of("istio-injection", "enabled"), Map.of()))
                .containsExactly("namespace.sidecar-injector.istio.io");
        assertThat(matched("default-injector.yaml", Map.of("istio.io/rev", "default"), Map.of()))
                .containsExactly("rev.namespace.sidecar-injector.istio.io");
        assertThat(matched("default-injector.yaml", Map.of(), Map.of("sidecar.istio.io/inject", "true")))
                .containsExactly("object.sidecar-injector.istio.io");
        assertThat(matched("default-injector.yaml", Map.of(), Map.of())).isEmpty();
        // "ns and rev pod label": istio-injection=enabled wins; the pod's istio.io/rev is ignored there.
        assertThat(matched("default-injector.yaml", Map.of("istio-injection", "enabled"), Map.of("istio.io/rev", "default")))
                .containsExactly("namespace.sidecar-injector.istio.io");
    }

    @Test
    void checkInjectRevisionAndDeactivatedConfigurations() throws IOException {
        assertThat(matched("rev-16-injector.yaml", Map.of("istio.io/rev", "1-16"), Map.of()))
                .containsExactly("rev.namespace.sidecar-injector.istio.io");
        assertThat(matched("rev-16-injector.yaml", Map.of(), Map.of("istio.io/rev", "1-16")))
                .containsExactly("rev.object.sidecar-injector.istio.io");
        assertThat(matched("never-match-injector.yaml", Map.of("istio-injection", "enabled"), Map.of())).isEmpty();
        assertThat(matched("never-match-injector.yaml", Map.of(), Map.of("sidecar.istio.io/inject", "true"))).isEmpty();
    }
}
