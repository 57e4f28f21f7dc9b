package io.injectordoctor.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Endpoints;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.MutatingWebhook;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.MutatingWebhookConfiguration;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.injectordoctor.cluster.ClusterConfig;
import io.injectordoctor.cluster.ClusterGateway;
import io.injectordoctor.cluster.ConfigResolver;
import io.injectordoctor.cluster.Credential;
import io.injectordoctor.cluster.Environment;
import io.injectordoctor.cluster.ResourceKind;
import java.time.Duration;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoClusterTest {
    private static DemoCluster demo;
    private static KubernetesClient client;

    @BeforeAll
    static void start() {
        demo = DemoCluster.start(Scenario.HEALTHY);
        client = demo.client();
    }

    @AfterAll
    static void stop() {
        demo.close();
    }

    @Test
    void servesOnLoopbackOverHttp() {
        assertThat(demo.url()).matches("http://127\\.0\\.0\\.1:\\d+");
        assertThat(client.getMasterUrl().toString()).startsWith(demo.url());
    }

    @Test
    void seedsTheNamespacesWithTheirInjectionLabels() {
        Map<String, Map<String, String>> labels = client.namespaces().list().getItems().stream()
                .collect(Collectors.toMap(n -> n.getMetadata().getName(), n -> n.getMetadata().getLabels()));
        assertThat(labels).containsKeys("default", "kube-system", "kube-public", "istio-system", "opt-in",
                "opt-out", "rev-canary", "unlabelled", "policy-disabled", "policy-disabled-opt-out", "labelled-late");
        assertThat(labels.get("opt-in")).containsEntry("istio-injection", "enabled");
        assertThat(labels.get("opt-out")).containsEntry("istio-injection", "disabled");
        assertThat(labels.get("rev-canary")).containsEntry("istio.io/rev", "canary");
        assertThat(labels.get("kube-system")).containsEntry("istio-injection", "enabled");
        assertThat(labels.get("unlabelled")).containsOnlyKeys("kubernetes.io/metadata.name");
        labels.forEach((name, l) -> assertThat(l).containsEntry("kubernetes.io/metadata.name", name));
    }

    @Test
    void everyPodCarriesItsExpectedVerdict() {
        List<Pod> pods = client.pods().inAnyNamespace().list().getItems();
        assertThat(pods).hasSizeGreaterThanOrEqualTo(22);
        for (Pod pod : pods) {
            assertThat(pod.getMetadata().getAnnotations())
                    .as(pod.getMetadata().getName())
                    .containsKey(DemoCluster.WHY_ANNOTATION)
                    .hasEntrySatisfying(DemoCluster.EXPECT_ANNOTATION, v -> assertThat(v).isIn("inject", "skip"));
        }
    }

    @Test
    void thePodsShowWhatTheInjectorDidExceptTheStaleOne() {
        for (Pod pod : client.pods().inAnyNamespace().list().getItems()) {
            boolean expected = "inject".equals(pod.getMetadata().getAnnotations().get(DemoCluster.EXPECT_ANNOTATION));
            boolean stale = pod.getMetadata().getName().startsWith("legacy-api-");
            boolean hasProxy = pod.getSpec().getContainers().stream().anyMatch(c -> c.getName().equals("istio-proxy"));
            boolean hasStatus = pod.getMetadata().getAnnotations().containsKey("sidecar.istio.io/status");
            assertThat(hasProxy).as(pod.getMetadata().getName()).isEqualTo(expected && !stale);
            assertThat(hasStatus).as(pod.getMetadata().getName()).isEqualTo(hasProxy);
        }
    }

    @Test
    void theTruthTableRowsAreTheRunbooks() {
        Map<String, String> expect = client.pods().inAnyNamespace().list().getItems().stream()
                .filter(p -> p.getMetadata().getName().startsWith("tt-"))
                .collect(Collectors.toMap(p -> p.getMetadata().getName(),
                        p -> p.getMetadata().getAnnotations().get(DemoCluster.EXPECT_ANNOTATION)));
        // The seed's table: only a selected namespace with policy enabled, or an explicit "true", injects.
        assertThat(expect).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                Map.entry("tt-01-match-enabled-true", "inject"),
                Map.entry("tt-02-match-enabled-false", "skip"),
                Map.entry("tt-03-match-enabled-absent", "inject"),
                Map.entry("tt-04-match-disabled-true", "inject"),
                Map.entry("tt-05-match-disabled-false", "skip"),
                Map.entry("tt-06-match-disabled-absent", "skip"),
                Map.entry("tt-07-nomatch-enabled-true", "skip"),
                Map.entry("tt-08-nomatch-enabled-false", "skip"),
                Map.entry("tt-09-nomatch-enabled-absent", "skip"),
                Map.entry("tt-10-nomatch-disabled-true", "skip"),
                Map.entry("tt-11-nomatch-disabled-false", "skip"),
                Map.entry("tt-12-nomatch-disabled-absent", "skip")));
        Pod row4 = client.pods().inNamespace("policy-disabled").withName("tt-04-match-disabled-true").get();
        assertThat(row4.getMetadata().getAnnotations().get("sidecar.istio.io/status"))
                .contains("\"revision\":\"disabled-policy\"");
    }

    @Test
    void theDefaultWebhookHasTheFiveHooksOfTheModernChartAndTrustsTheMeshRoot() {
        MutatingWebhookConfiguration mwc = client.admissionRegistration().v1().mutatingWebhookConfigurations()
                .withName("istio-sidecar-injector").get();
        assertThat(mwc.getMetadata().getLabels()).containsEntry("istio.io/rev", "default");
        assertThat(mwc.getWebhooks()).extracting(MutatingWebhook::getName).containsExactly(
                "rev.namespace.sidecar-injector.istio.io", "rev.object.sidecar-injector.istio.io",
                "namespace.sidecar-injector.istio.io", "object.sidecar-injector.istio.io",
                "auto.sidecar-injector.istio.io");
        String root = rootCert();
        assertThat(root).startsWith("-----BEGIN CERTIFICATE-----");
        for (MutatingWebhook hook : mwc.getWebhooks()) {
            assertThat(decode(hook.getClientConfig().getCaBundle())).isEqualTo(root);
            assertThat(hook.getClientConfig().getService().getName()).isEqualTo("istiod");
            assertThat(hook.getFailurePolicy()).isEqualTo("Fail");
        }
        assertThat(client.admissionRegistration().v1().mutatingWebhookConfigurations().list().getItems())
                .extracting(m -> m.getMetadata().getName())
                .containsExactlyInAnyOrder("istio-sidecar-injector", "istio-sidecar-injector-canary",
                        "istio-sidecar-injector-disabled-policy");
    }

    @Test
    void theInjectorConfigmapsCarryPolicyAndValues() {
        ConfigMap def = client.configMaps().inNamespace("istio-system").withName("istio-sidecar-injector").get();
        assertThat(def.getData().get("config")).contains("policy: enabled", "neverInjectSelector:",
                "alwaysInjectSelector:", "defaultTemplates: [sidecar]");
        assertThat(def.getData().get("values")).contains("\"hub\":\"docker.io/istio\"", "\"tag\":\"1.27.1\"");
        ConfigMap disabled = client.configMaps().inNamespace("istio-system")
                .withName("istio-sidecar-injector-disabled-policy").get();
        assertThat(disabled.getData().get("config")).contains("policy: disabled");
    }

    @Test
    void theCaSecretHoldsTheRootCertificateAndNoKey() {
        Secret secret = client.secrets().inNamespace("istio-system").withName("istio-ca-secret").get();
        assertThat(secret.getData()).containsOnlyKeys("ca-cert.pem");
        assertThat(decode(secret.getData().get("ca-cert.pem"))).isEqualTo(rootCert());
        for (HasMetadata any : client.secrets().inAnyNamespace().list().getItems()) {
            assertThat(((Secret) any).getData().toString()).doesNotContain("PRIVATE KEY");
        }
    }

    @Test
    void istiodIsReadyBehindItsService() {
        Endpoints ep = client.endpoints().inNamespace("istio-system").withName("istiod").get();
        assertThat(ep.getSubsets()).singleElement().satisfies(s -> assertThat(s.getAddresses()).hasSize(1));
        assertThat(client.services().inNamespace("istio-system").withName("istiod").get().getSpec().getPorts())
                .anySatisfy(p -> {
                    assertThat(p.getPort()).isEqualTo(443);
                    assertThat(p.getTargetPort().getIntVal()).isEqualTo(15017);
                });
        assertThat(client.discovery().v1().endpointSlices().inNamespace("istio-system")
                .withLabel("kubernetes.io/service-name", "istiod").list().getItems())
                .singleElement().satisfies(s -> assertThat(s.getEndpoints().get(0).getConditions().getReady()).isTrue());
        assertThat(client.apps().deployments().inNamespace("istio-system").withName("istiod").get()
                .getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
                .isEqualTo("docker.io/istio/pilot:1.27.1");
    }

    @Test
    void keepsTheSeedsTimestampsAndOwnerUids() {
        Instant webhookCreated = Instant.parse(client.admissionRegistration().v1().mutatingWebhookConfigurations()
                .withName("istio-sidecar-injector").get().getMetadata().getCreationTimestamp());
        Pod stale = client.pods().inNamespace("labelled-late").list().getItems().get(0);
        assertThat(Instant.parse(stale.getMetadata().getCreationTimestamp())).isBefore(webhookCreated);
        ReplicaSet owner = client.apps().replicaSets().inNamespace("labelled-late")
                .withName(stale.getMetadata().getOwnerReferences().get(0).getName()).get();
        assertThat(owner.getMetadata().getUid()).isEqualTo(stale.getMetadata().getOwnerReferences().get(0).getUid());
        Namespace ns = client.namespaces().withName("labelled-late").get();
        assertThat(Instant.parse(ns.getMetadata().getManagedFields().get(0).getTime()))
                .isAfter(Instant.parse(stale.getMetadata().getCreationTimestamp()));
    }

    @Test
    void theWrittenKubeconfigWorksForAFreshClient(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("nested/kubeconfig");
        demo.writeKubeconfig(file);
        String text = Files.readString(file);
        assertThat(text).contains("current-context: \"injector-doctor-demo\"", demo.url());
        ClusterConfig resolved = ConfigResolver.resolve(ConfigResolver.Request.of(file, DemoCluster.CONTEXT,
                Duration.ofSeconds(10)), Environment.system());
        try (ClusterGateway fresh = ClusterGateway.open(resolved)) {
            assertThat(fresh.get(ResourceKind.POD, "opt-in", "tt-01-match-enabled-true").path("metadata").path("name")
                    .asText()).isEqualTo("tt-01-match-enabled-true");
        }
    }

    @Test
    void itsConfigReachesItAndNothingElse() {
        ClusterConfig config = demo.config();
        assertThat(config.serverText()).isEqualTo(demo.url());
        assertThat(config.credential()).isInstanceOf(Credential.None.class);
        assertThat(config.proxy()).isNull();
        assertThat(config.namespace()).isEqualTo("default");
        try (ClusterGateway fresh = ClusterGateway.open(config)) {
            assertThat(fresh.get(ResourceKind.NAMESPACE, null, "opt-in").path("metadata").path("name").asText())
                    .isEqualTo("opt-in");
        }
    }

    static String rootCert() {
        return client.configMaps().inNamespace("istio-system").withName("istio-ca-root-cert").get()
                .getData().get("root-cert.pem");
    }

    static String decode(String base64) {
        return new String(Base64.getDecoder().decode(base64), StandardCharsets.US_ASCII);
    }
}
