package io.injectordoctor.trust;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.injectordoctor.ExitCode;
import io.injectordoctor.testing.MockCluster.Result;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A kind the API server fails to give (5xx, after the bounded retries): check and check-certs skip
 * what needs it, naming the status and the path, run the rest and exit 2 ("partial"); findings at or
 * above --fail-on still give 1. explain gives no partial verdict: 69.
 */
class PartialResultsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final TrustCluster cluster = new TrustCluster();
    private TrustApiServer api;

    @BeforeEach
    void start() {
        api = new TrustApiServer().apply(TrustCluster.join(cluster.install(), cluster.controlPlane(), TrustCluster.apps()));
    }

    @AfterEach
    void stop() {
        api.close();
    }

    /** Always 503 (with Retry-After: 0, so the three attempts take no time) on every request for {@code resource}. */
    private void failing(String resource, int code) {
        api.fault(a -> resource.equals(a.resource()), -1, r -> TrustApiServer.status(code, "Failure",
                "etcdserver: request timed out").setHeader("Retry-After", "0"));
    }

    private long hits(String resource) {
        return api.seen().stream().filter(s -> resource.equals(s.attributes().resource())).count();
    }

    private static List<JsonNode> checks(JsonNode report) {
        List<JsonNode> out = new ArrayList<>();
        report.findValues("checks").forEach(c -> c.forEach(out::add));
        return out;
    }

    @ParameterizedTest(name = "503 on {0}")
    @ValueSource(strings = {"namespaces", "pods", "replicasets", "mutatingwebhookconfigurations", "configmaps", "services",
        "events"})
    void checkSkipsWhatNeedsAFailingKindAndSaysTheResultIsPartial(String resource) throws IOException {
        failing(resource, 503);
        Result r = api.run("check", "-o", "json");
        assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(ExitCode.PARTIAL);
        assertThat(r.err()).isEmpty();
        JsonNode report = JSON.readTree(r.out());
        assertThat(report.path("success").asBoolean()).isTrue();
        assertThat(report.path("partial").asBoolean()).isTrue();
        assertThat(report.path("notRead")).hasSize(1);
        assertThat(report.path("notRead").get(0).asText()).contains("the API server failed to list " + resource,
                "HTTP 503", "etcdserver: request timed out", "/" + resource + ")");
        List<JsonNode> checks = checks(report);
        List<JsonNode> skipped = checks.stream().filter(c -> c.path("result").asText().equals("skipped")).toList();
        assertThat(skipped).isNotEmpty().allSatisfy(c -> assertThat(c.path("skipReason").asText())
                .containsAnyOf("HTTP 503", "prerequisite"));
        assertThat(skipped).anySatisfy(c -> assertThat(c.path("skipReason").asText()).contains("HTTP 503", "GET /"));
        // Partial: the checks that do not need the failing kind ran.
        assertThat(checks.size() - skipped.size()).isGreaterThan(1);
        // A failing kind is no permission to grant: ID0102 does not warn about it.
        JsonNode permissions = checks.stream().filter(c -> c.path("id").asText().equals("ID0102")).findFirst().orElseThrow();
        assertThat(permissions.path("result").asText()).isEqualTo("success");
        // Every read of that kind was tried three times, no more.
        assertThat(hits(resource) % 3).isZero();
    }

    @Test
    void theTextSaysWhatWasNotReadAndTheExitCodeIsTheSame() {
        failing("services", 502);
        Result r = api.run("check");
        assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(ExitCode.PARTIAL);
        assertThat(r.out()).contains("(skipped: cannot read services: the API server failed to list services in namespace"
                + " istio-system (GET /api/v1/namespaces/istio-system/services): HTTP 502")
                .contains("Partial result: what needs the following was not checked")
                .contains("\n  the API server failed to list services");
        // 502 is not retried (only 429 and 503 are): one request.
        assertThat(hits("services")).isEqualTo(1);
    }

    /** Findings at or above --fail-on win over a partial result: what was found stands. */
    @Test
    void findingsAtTheThresholdStillGiveOne() throws IOException {
        failing("events", 500);
        // A refused kind is a warning (ID0102): with --fail-on warning it fails the run.
        api.fault(a -> "jobs".equals(a.resource()), -1, r -> TrustApiServer.status(403, "Forbidden", "no"));
        Result warning = api.run("check", "-o", "json", "--fail-on", "warning");
        JsonNode report = JSON.readTree(warning.out());
        boolean warned = checks(report).stream().anyMatch(c -> c.path("result").asText().equals("warning"));
        assertThat(warned).isTrue();
        assertThat(warning.exitCode()).isEqualTo(ExitCode.FINDINGS);
        assertThat(report.path("partial").asBoolean()).isTrue();
        assertThat(api.run("check", "-o", "json").exitCode()).isEqualTo(ExitCode.PARTIAL);
    }

    /** A refused kind stays what it was: an ID0102 warning naming the permission, exit 0. */
    @Test
    void aRefusedKindIsAPermissionNotAPartialResult() throws IOException {
        api.fault(a -> "events".equals(a.resource()), -1, r -> TrustApiServer.status(403, "Forbidden", "no"));
        Result r = api.run("check", "-o", "json");
        assertThat(r.exitCode()).isZero();
        assertThat(JSON.readTree(r.out()).path("partial").asBoolean()).isFalse();
    }

    @Test
    void whenNothingCanBeReadTheClusterIsUnreachable() {
        api.fault(a -> a.resource() != null, -1, r -> TrustApiServer.status(500, "Failure", "etcd is down"));
        Result r = api.run("check");
        FaultMatrixTest.assertOneLineError(r, ExitCode.UNAVAILABLE, "nothing could be read: the API server failed to list",
                "HTTP 500", "etcd is down");
    }

    @Test
    void checkCertsGoesOnWithoutTheSecretsAndSaysItIsPartial() throws IOException {
        failing("secrets", 503);
        Result r = api.run("check-certs", "--no-probe", "-o", "json");
        assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(ExitCode.PARTIAL);
        JsonNode report = JSON.readTree(r.out());
        assertThat(report.path("partial").asBoolean()).isTrue();
        assertThat(report.path("notRead").get(0).asText()).contains("the API server failed to get secrets", "HTTP 503",
                "GET /api/v1/namespaces/istio-system/secrets/");
        // The root comes from the next source, the configmap; the secrets are listed as not read.
        assertThat(report.path("root").path("source").asText()).contains("istio-ca-root-cert");
        assertThat(report.toString()).contains("secrets could not be read: the API server failed to get secrets");
        Result text = api.run("check-certs", "--no-probe");
        assertThat(text.exitCode()).isEqualTo(ExitCode.PARTIAL);
        assertThat(text.out()).contains("Partial result:", "HTTP 503");
    }

    /** Without the service and its endpoints there is no pod to probe: said with the failure, not "not found". */
    @Test
    void checkCertsSaysWhyItCouldNotProbe() throws IOException {
        failing("services", 503);
        Result r = api.run("check-certs", "-o", "json", "--request-timeout", "3");
        assertThat(r.exitCode()).as(r.out() + r.err()).isIn(ExitCode.PARTIAL, ExitCode.FINDINGS);
        assertThat(r.out()).contains("the injector's pod cannot be found: the API server failed to list services")
                .doesNotContain("not found: the API server cannot call the hook");
    }

    @Test
    void checkCertsWithoutTheHooksCannotDoAnything() {
        failing("mutatingwebhookconfigurations", 503);
        FaultMatrixTest.assertOneLineError(api.run("check-certs", "--no-probe"), ExitCode.UNAVAILABLE,
                "the API server failed to list mutatingwebhookconfigurations", "HTTP 503");
    }

    /** explain gives no partial verdict: a kind its decision needs that fails is 69, as before. */
    @ParameterizedTest(name = "503 on {0}")
    @ValueSource(strings = {"namespaces", "pods", "mutatingwebhookconfigurations", "configmaps"})
    void explainStillStopsWith69(String resource) {
        failing(resource, 503);
        FaultMatrixTest.assertOneLineError(api.run("explain", "pod/web", "-n", "shop"), ExitCode.UNAVAILABLE,
                "HTTP 503", resource);
        FaultMatrixTest.assertOneLineError(api.run("explain", "pods", "-A"), ExitCode.UNAVAILABLE, "HTTP 503", resource);
    }
}
