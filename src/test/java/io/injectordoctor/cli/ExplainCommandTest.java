package io.injectordoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.injectordoctor.testing.Fixtures;
import io.injectordoctor.testing.Golden;
import io.injectordoctor.testing.MockCluster;
import io.injectordoctor.testing.MockCluster.Result;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ExplainCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String EXAMPLE = "docs/examples/cluster-snapshot.yaml";
    private static final String INSTALL = Fixtures.modernInstall("default", "enabled", "docker.io/istio/pilot:1.27.1");

    private static final String WRONG_METADATA = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: reviews
              namespace: shop
              annotations: {sidecar.istio.io/inject: "false"}
            spec:
              replicas: 1
              selector: {matchLabels: {app: reviews}}
              template:
                metadata: {labels: {app: reviews}}
                spec:
                  containers: [{name: app, image: reviews}]
            """;

    @Test
    void deploymentWithTheInjectKeyOnItsOwnMetadataIsFlaggedAndStillInjected() throws Exception {
        try (MockCluster c = new MockCluster()) {
            c.apply(Fixtures.join(INSTALL, Fixtures.namespace("shop", "istio-injection", "enabled"), WRONG_METADATA));
            Result r = c.run("explain", "deployment/reviews", "-n", "shop", "-o", "json");
            JsonNode j = JSON.readTree(r.out());
            assertThat(j.path("reference").path("inject").asBoolean()).isTrue();
            assertThat(j.path("observed").isNull()).isTrue();
            assertThat(j.path("consistent").isNull()).isTrue();
            JsonNode metadata = finding(j, "ID0501");
            assertThat(metadata.path("severity").asText()).isEqualTo("WARNING");
            assertThat(metadata.path("subject").asText()).isEqualTo("Deployment shop/reviews");
            // A warning alone does not fail, unless asked to.
            assertThat(r.exitCode()).isZero();
            assertThat(c.run("explain", "deploy/reviews", "-n", "shop", "--fail-on", "warning").exitCode()).isEqualTo(1);
        }
    }

    @Test
    void aManifestIsExplainedBeforeItIsAppliedEvenInANamespaceThatDoesNotExist() throws Exception {
        Path snapshot = Fixtures.writeTemp(Fixtures.join(INSTALL, Fixtures.namespace("shop", "istio-injection", "enabled")));
        Path manifest = Fixtures.writeTemp(Fixtures.join(WRONG_METADATA,
                Fixtures.pod("newteam", "probe", null, false, false)));
        Result r = Result.of("explain", "-f", manifest.toString(), "--snapshot", snapshot.toString(), "-o", "json");
        JsonNode j = JSON.readTree(r.out());
        assertThat(j.isArray()).isTrue();
        assertThat(j.get(0).path("subject").path("kind").asText()).isEqualTo("Deployment");
        assertThat(j.get(0).path("reference").path("inject").asBoolean()).isTrue();
        assertThat(j.get(1).path("reference").path("inject").asBoolean()).isFalse();
        assertThat(j.get(1).path("notes").toString()).contains("does not exist yet");
        assertThat(r.exitCode()).isZero();
    }

    @Test
    void mismatchedPodGetsCausesAndTheCommandThatFixesIt() throws Exception {
        Result r = Result.of("explain", "pod/cart-5c8d7f9b4-xyz12", "-n", "shop", "--snapshot", EXAMPLE, "-o", "json");
        JsonNode j = JSON.readTree(r.out());
        assertThat(j.path("consistent").asBoolean()).isFalse();
        assertThat(j.path("likelyCauses").toString()).contains("before the webhook configuration istio-sidecar-injector existed");
        assertThat(j.path("fix").get(0).asText()).isEqualTo("kubectl rollout restart deployment/cart -n shop");
        assertThat(r.exitCode()).isEqualTo(1);

        Result unexpected = Result.of("explain", "pod/cron-runner", "-n", "batch", "--snapshot", EXAMPLE, "-o", "json");
        JsonNode u = JSON.readTree(unexpected.out());
        assertThat(finding(u, "ID0602").path("subject").asText()).isEqualTo("Pod batch/cron-runner");
        assertThat(finding(u, "ID0602").path("fix")).isEqualTo(u.path("fix"));
        assertThat(u.path("fix").toString()).contains("kubectl get pod cron-runner -n batch -o yaml > cron-runner.yaml");
        assertThat(u.path("likelyCauses").toString()).contains("injected when it was created");
    }

    @Test
    void aPodOlderThanItsNamespacesInjectionLabelIsToldSoFromManagedFields() throws Exception {
        String namespace = """
                apiVersion: v1
                kind: Namespace
                metadata:
                  name: late
                  labels: {istio-injection: enabled}
                  managedFields:
                  - manager: kubectl-label
                    operation: Update
                    time: "2026-11-20T10:00:00Z"
                    fieldsType: FieldsV1
                    fieldsV1: {"f:metadata": {"f:labels": {"f:istio-injection": {}}}}
                """;
        String pod = Fixtures.pod("late", "api", null, false, false)
                .replace("  name: api\n", "  name: api\n  creationTimestamp: \"2026-11-01T09:00:00Z\"\n");
        Path snapshot = Fixtures.writeTemp(Fixtures.join(INSTALL, namespace, pod));
        Result r = Result.of("explain", "pod/api", "-n", "late", "--snapshot", snapshot.toString(), "-o", "json");
        JsonNode causes = JSON.readTree(r.out()).path("likelyCauses");
        assertThat(causes).hasSize(1);
        assertThat(causes.get(0).asText()).contains("created (2026-11-01T09:00:00Z) before its namespace late got its "
                + "injection label (2026-11-20T10:00:00Z, from the namespace's managedFields)");
        assertThat(r.exitCode()).isEqualTo(1);
    }

    @Test
    void textOutputIsPinnedByAGoldenFile() {
        Result r = Result.of("explain", "pod/cart-5c8d7f9b4-xyz12", "-n", "shop", "--snapshot", EXAMPLE, "--no-color");
        Golden.assertMatches("explain/mismatch-pod.txt", r.out());
        Result pods = Result.of("explain", "pods", "-A", "--snapshot", EXAMPLE, "--no-color");
        Golden.assertMatches("explain/pods-table.txt", pods.out());
        assertThat(pods.exitCode()).isEqualTo(1);
    }

    @Test
    void yamlAndJsonCarryTheSameVerdictAndTheSameExitCode() throws Exception {
        Result json = Result.of("explain", "pod/web-7d9f8c6b5-abcde", "-n", "shop", "--snapshot", EXAMPLE, "-o", "json");
        Result yaml = Result.of("explain", "pod/web-7d9f8c6b5-abcde", "-n", "shop", "--snapshot", EXAMPLE, "-o", "yaml");
        Result text = Result.of("explain", "pod/web-7d9f8c6b5-abcde", "-n", "shop", "--snapshot", EXAMPLE);
        JsonNode fromYaml = new ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory()).readTree(yaml.out());
        assertThat(fromYaml).isEqualTo(JSON.readTree(json.out()));
        assertThat(json.exitCode()).isZero();
        assertThat(yaml.exitCode()).isZero();
        assertThat(text.exitCode()).isZero();
    }

    @Test
    void anOlderInjectorsRulesAreAppliedOnRequest() throws Exception {
        Path snapshot = Fixtures.writeTemp(Fixtures.join(INSTALL, Fixtures.namespace("shop", "istio-injection", "enabled"),
                Fixtures.pod("shop", "web", "yes", false, true)));
        Result current = Result.of("explain", "pod/web", "-n", "shop", "--snapshot", snapshot.toString(), "-o", "json");
        Result old = Result.of("explain", "pod/web", "-n", "shop", "--snapshot", snapshot.toString(), "-o", "json",
                "--istio-version", "1.20.0");
        assertThat(JSON.readTree(current.out()).path("reference").path("reasons").toString()).contains("INVALID_INJECT_VALUE");
        assertThat(JSON.readTree(old.out()).path("injector").path("rules").asText()).isEqualTo("Istio 1.13 to 1.26");
        assertThat(JSON.readTree(old.out()).path("reference").path("decisive").asText()).isEqualTo("INJECT_ANNOTATION");
        Result bad = Result.of("explain", "pod/web", "-n", "shop", "--snapshot", snapshot.toString(), "--istio-version", "new");
        assertThat(bad.exitCode()).isEqualTo(64);
    }

    @Test
    void aNamespaceSaysWhatANewPodGetsThereAndListsItsPodsVerdicts() throws Exception {
        Result r = Result.of("explain", "namespace/shop", "--snapshot", EXAMPLE, "-o", "json");
        JsonNode j = JSON.readTree(r.out());
        assertThat(j.path("namespace").asText()).isEqualTo("shop");
        assertThat(j.path("exists").asBoolean()).isTrue();
        assertThat(j.path("newPod").path("reference").path("inject").asBoolean()).isTrue();
        assertThat(j.path("newPod").path("fix").get(0).asText()).isEqualTo("kubectl label namespace shop istio-injection=disabled --overwrite");
        assertThat(j.path("pods").findValuesAsText("name")).contains("cart-5c8d7f9b4-xyz12", "web-7d9f8c6b5-abcde");
        assertThat(j.path("summary").path("mismatches").asInt()).isEqualTo(1);
        assertThat(j.path("findings").findValuesAsText("subject")).contains("Pod shop/cart-5c8d7f9b4-xyz12")
                .allSatisfy(subject -> assertThat(subject).doesNotContain("batch/"));
        assertThat(r.exitCode()).isEqualTo(1);
        Result text = Result.of("explain", "ns", "shop", "--snapshot", EXAMPLE, "--no-color");
        assertThat(text.out()).contains("A new pod created here without labels: INJECT (POLICY_ENABLED)");
        assertThat(Result.of("explain", "namespace/nosuch", "--snapshot", EXAMPLE).exitCode()).isEqualTo(64);
    }

    @Test
    void aSubjectCanBeGivenAsTwoWordsAsKubectlTakesIt() throws Exception {
        Result slash = Result.of("explain", "pod/cart-5c8d7f9b4-xyz12", "-n", "shop", "--snapshot", EXAMPLE, "-o", "json");
        Result words = Result.of("explain", "pod", "cart-5c8d7f9b4-xyz12", "-n", "shop", "--snapshot", EXAMPLE, "-o", "json");
        assertThat(words.out()).isEqualTo(slash.out());
        assertThat(words.exitCode()).isEqualTo(slash.exitCode());
        Result three = Result.of("explain", "pod", "a", "b", "--snapshot", EXAMPLE);
        assertThat(three.exitCode()).isEqualTo(64);
        Result mixed = Result.of("explain", "pod/a", "b", "--snapshot", EXAMPLE);
        assertThat(mixed.exitCode()).isEqualTo(64);
        assertThat(mixed.err()).contains("give one subject");
    }

    /** The finding of a check in an explanation; explain lists them in the catalogue's order. */
    private static JsonNode finding(JsonNode explanation, String check) {
        for (JsonNode f : explanation.path("findings")) {
            if (check.equals(f.path("check").asText())) {
                return f;
            }
        }
        throw new AssertionError("no " + check + " finding in " + explanation.path("findings"));
    }
}
