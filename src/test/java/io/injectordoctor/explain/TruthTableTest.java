package io.injectordoctor.explain;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.injectordoctor.testing.Fixtures;
import io.injectordoctor.testing.MockCluster;
import io.injectordoctor.testing.MockCluster.Result;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The seed runbook's truth table, row by row, and its two security rules, through the live path
 * (a real API server) and through --snapshot, with the seed's own layout (one opt-in hook).
 */
class TruthTableTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<Arguments> rows() {
        return Stream.of(
                // namespaceSelector match, policy, annotation, injected?
                Arguments.of(1, true, "enabled", "true", true),
                Arguments.of(2, true, "enabled", "false", false),
                Arguments.of(3, true, "enabled", null, true),
                Arguments.of(4, true, "disabled", "true", true),
                Arguments.of(5, true, "disabled", "false", false),
                Arguments.of(6, true, "disabled", null, false),
                Arguments.of(7, false, "enabled", "true", false),
                Arguments.of(8, false, "enabled", "false", false),
                Arguments.of(9, false, "enabled", null, false),
                Arguments.of(10, false, "disabled", "true", false),
                Arguments.of(11, false, "disabled", "false", false),
                Arguments.of(12, false, "disabled", null, false));
    }

    static String cluster(boolean match, String policy, String annotation, String ns, boolean hostNetwork) {
        String namespace = match ? Fixtures.namespace(ns, "istio-injection", "enabled") : Fixtures.namespace(ns);
        return Fixtures.join(Fixtures.legacyInjector(policy, "docker.io/istio/sidecar_injector:1.4.10"), namespace,
                Fixtures.pod(ns, "app", annotation, hostNetwork, false));
    }

    @ParameterizedTest(name = "row {0}: match={1} policy={2} annotation={3} -> {4}")
    @MethodSource("rows")
    void liveClusterGivesTheSeedVerdict(int row, boolean match, String policy, String annotation, boolean expected)
            throws Exception {
        try (MockCluster c = new MockCluster()) {
            c.apply(cluster(match, policy, annotation, "demo", false));
            Result r = c.run("explain", "pod/app", "-n", "demo", "-o", "json");
            assertVerdict(r, expected);
        }
    }

    @ParameterizedTest(name = "row {0}: match={1} policy={2} annotation={3} -> {4}")
    @MethodSource("rows")
    void snapshotGivesTheSeedVerdict(int row, boolean match, String policy, String annotation, boolean expected)
            throws Exception {
        String file = Fixtures.writeTemp(cluster(match, policy, annotation, "demo", false)).toString();
        Result r = Result.of("explain", "pod/app", "-n", "demo", "-o", "json", "--snapshot", file);
        assertVerdict(r, expected);
    }

    static Stream<Arguments> securityRules() {
        return Stream.of(
                Arguments.of("kube-system", false, "IGNORED_NAMESPACE"),
                Arguments.of("kube-public", false, "IGNORED_NAMESPACE"),
                Arguments.of("apps", true, "HOST_NETWORK"));
    }

    /** The security rules cannot be overridden: a matching namespace, policy enabled and an explicit true. */
    @ParameterizedTest(name = "{0} hostNetwork={1} -> {2}")
    @MethodSource("securityRules")
    void securityRulesWinOverEverything(String ns, boolean hostNetwork, String code) throws Exception {
        String yaml = cluster(true, "enabled", "true", ns, hostNetwork);
        try (MockCluster c = new MockCluster()) {
            c.apply(yaml);
            Result live = c.run("explain", "pod/app", "-n", ns, "-o", "json");
            assertVerdict(live, false);
            assertThat(decisive(live)).isEqualTo(code);
        }
        Result file = Result.of("explain", "pod/app", "-n", ns, "-o", "json", "--snapshot",
                Fixtures.writeTemp(yaml).toString());
        assertVerdict(file, false);
        assertThat(decisive(file)).isEqualTo(code);
    }

    private static void assertVerdict(Result r, boolean expected) throws Exception {
        assertThat(r.err()).isEmpty();
        JsonNode j = JSON.readTree(r.out());
        assertThat(j.path("reference").path("inject").asBoolean()).as(r.out()).isEqualTo(expected);
        // The pod has no sidecar: consistent exactly when the reference says "no".
        assertThat(j.path("consistent").asBoolean()).isEqualTo(!expected);
        assertThat(r.exitCode()).isEqualTo(expected ? 1 : 0);
        assertThat(j.path("injector").path("version").asText()).isEqualTo("1.4.10");
    }

    private static String decisive(Result r) throws Exception {
        return JSON.readTree(r.out()).path("reference").path("decisive").asText();
    }
}
