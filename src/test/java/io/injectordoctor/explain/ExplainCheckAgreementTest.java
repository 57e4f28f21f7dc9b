package io.injectordoctor.explain;

import io.injectordoctor.checks.SubjectScope;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.injectordoctor.checks.Fixtures;
import io.injectordoctor.cluster.ClusterSnapshot;
import io.injectordoctor.cluster.SnapshotFile;
import io.injectordoctor.decision.Decision;
import io.injectordoctor.demo.DemoCluster;
import io.injectordoctor.demo.Scenario;
import io.injectordoctor.model.ObjectMeta;
import io.injectordoctor.model.PodInfo;
import io.injectordoctor.model.WorkloadInfo;
import io.injectordoctor.report.Finding;
import io.injectordoctor.report.Severity;
import io.injectordoctor.testing.MockCluster.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * One rule, one place: for every subject (each pod and each top-level workload) of every demo
 * scenario, the example snapshot and every check fixture, the findings {@code explain} shows are
 * exactly the findings {@code check} reports, restricted to what the subject depends on. explain
 * reads far less of the cluster than check; this is where a difference in what they read would show.
 */
class ExplainCheckAgreementTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void everySubjectOfEveryDemoScenarioAgreesLive() throws IOException {
        for (Scenario scenario : Scenario.values()) {
            try (DemoCluster demo = DemoCluster.start(scenario)) {
                Path kubeconfig = dir.resolve(scenario.cliName() + ".kubeconfig");
                demo.writeKubeconfig(kubeconfig);
                Path capture = dir.resolve(scenario.cliName() + ".yaml");
                Result snap = Result.of("snapshot", "-o", capture.toString(), "--kubeconfig", kubeconfig.toString());
                assertThat(snap.exitCode()).as(snap.err()).isZero();
                int compared = agree(SnapshotFile.load(capture, "istio-system"), "--kubeconfig", kubeconfig.toString());
                assertThat(compared).as("subjects compared in %s", scenario).isGreaterThan(20);
            }
        }
    }

    @Test
    void everySubjectOfTheExampleSnapshotAgrees() throws IOException {
        Path example = Path.of("docs/examples/cluster-snapshot.yaml");
        assertThat(agree(SnapshotFile.load(example, "istio-system"), "--snapshot", example.toString())).isGreaterThan(5);
    }

    @TestFactory
    Stream<DynamicTest> everySubjectOfEveryCheckFixtureAgrees() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(Path.of("src/test/resources/checks"))) {
            for (Path d : dirs.filter(p -> p.getFileName().toString().startsWith("ID")).sorted().toList()) {
                try (Stream<Path> files = Files.list(d)) {
                    for (Path f : files.sorted().toList()) {
                        String resource = d.getFileName() + "/" + f.getFileName();
                        if (hasDirectives(Fixtures.text(resource), "unreadable", "loaded")) {
                            continue;
                        }
                        tests.add(DynamicTest.dynamicTest(resource, () -> {
                            Path file = dir.resolve(resource.replace('/', '-'));
                            Files.writeString(file, Fixtures.joinedText(resource));
                            agree(SnapshotFile.load(file, "istio-system"), "--snapshot", file.toString());
                        }));
                    }
                }
            }
        }
        return tests.stream();
    }

    /** Compares explain with check for every pod and top-level workload; returns how many subjects. */
    private static int agree(ClusterSnapshot cluster, String... source) throws IOException {
        List<Finding> all = checkFindings(source);
        Explainer scoper = Explainer.of(cluster, null);
        int compared = 0;
        for (PodInfo p : cluster.pods()) {
            Decision d = scoper.decide(p.meta().namespace(), p.meta(), p.spec().hostNetwork());
            compare("pod/" + p.meta().name(), p.meta(), SubjectScope.of(cluster, "Pod", p.meta(), d), all, source);
            compared++;
        }
        for (WorkloadInfo w : cluster.workloads()) {
            if (w.meta().owners().stream().anyMatch(o -> cluster.workload(o.kind(), w.meta().namespace(), o.name()).isPresent())) {
                continue;
            }
            Decision d = scoper.decide(w.meta().namespace(), w.templateMeta(), w.templateSpec().hostNetwork());
            compare(w.kind().toLowerCase() + "/" + w.meta().name(), w.meta(),
                    SubjectScope.of(cluster, w.kind(), w.meta(), d), all, source);
            compared++;
        }
        return compared;
    }

    private static void compare(String ref, ObjectMeta meta, SubjectScope scope, List<Finding> all, String... source)
            throws IOException {
        List<String> args = new ArrayList<>(List.of("explain", ref, "-n", meta.namespace(), "-o", "json"));
        args.addAll(List.of(source));
        Result r = Result.of(args.toArray(String[]::new));
        assertThat(r.err()).as("explain %s", ref).isEmpty();
        Set<String> shown = new TreeSet<>();
        for (JsonNode f : JSON.readTree(r.out()).path("findings")) {
            shown.add(key(f.path("check").asText(), f.path("severity").asText(), f.path("subject").asText(),
                    f.path("message").asText()));
        }
        Set<String> expected = new TreeSet<>();
        all.stream().filter(scope).forEach(f -> expected.add(key(f.checkId(), f.severity().name(), f.subject(), f.message())));
        assertThat(shown).as("explain %s -n %s against check's findings about it", ref, meta.namespace())
                .isEqualTo(expected);
    }

    private static List<Finding> checkFindings(String... source) throws IOException {
        List<String> args = new ArrayList<>(List.of("check", "-o", "json"));
        args.addAll(List.of(source));
        Result r = Result.of(args.toArray(String[]::new));
        assertThat(r.err()).as("check").isEmpty();
        List<Finding> out = new ArrayList<>();
        for (JsonNode category : JSON.readTree(r.out()).path("categories")) {
            for (JsonNode check : category.path("checks")) {
                for (JsonNode f : check.path("findings")) {
                    out.add(new Finding(check.path("id").asText(), Severity.valueOf(f.path("severity").asText()),
                            f.path("subject").asText(), f.path("message").asText(), Map.of()));
                }
            }
        }
        return out;
    }

    private static String key(String check, String severity, String subject, String message) {
        return check + " " + severity + " " + subject + ": " + message;
    }

    private static boolean hasDirectives(String text, String... keys) {
        return text.lines().takeWhile(l -> l.startsWith("#"))
                .anyMatch(l -> Stream.of(keys).anyMatch(k -> l.substring(1).strip().startsWith(k + ":")));
    }
}
