package io.injectordoctor.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.injectordoctor.testing.MockCluster.Result;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The modern scenario: the healthy cluster with the mesh of today beside it. Its seed holds what the
 * injector did as a cluster would, and explain over it finds no false mismatch.
 */
class ModernScenarioTest {
    private static DemoCluster demo;
    private static KubernetesClient client;
    @TempDir
    static Path dir;
    private static Path kubeconfig;

    @BeforeAll
    static void start() {
        demo = DemoCluster.start(Scenario.MODERN);
        client = demo.client();
        kubeconfig = dir.resolve("modern.kubeconfig");
        demo.writeKubeconfig(kubeconfig);
    }

    @AfterAll
    static void stop() {
        demo.close();
    }

    @Test
    void everyPodCarriesItsExpectedVerdict() {
        List<Pod> pods = client.pods().inAnyNamespace().list().getItems();
        assertThat(pods).hasSize(34);
        for (Pod pod : pods) {
            assertThat(pod.getMetadata().getAnnotations())
                    .as(pod.getMetadata().getName())
                    .containsKey(DemoCluster.WHY_ANNOTATION)
                    .hasEntrySatisfying(DemoCluster.EXPECT_ANNOTATION, v -> assertThat(v).isIn("inject", "skip", "refused"));
        }
    }

    /**
     * The injector's work is in the seed as it would be in a cluster: a pod it injected has a running
     * istio-proxy and the status annotation (the stale pod was never injected; the refused one was,
     * before its template went away); Istio's own proxies have istio-proxy and no status; a gateway
     * never injected has istio-proxy on image auto and no status.
     */
    @Test
    void thePodsShowWhatTheInjectorDidExceptTheStaleOne() {
        for (Pod pod : client.pods().inAnyNamespace().list().getItems()) {
            String name = pod.getMetadata().getName();
            String expect = pod.getMetadata().getAnnotations().get(DemoCluster.EXPECT_ANNOTATION);
            Map<String, String> labels = pod.getMetadata().getLabels() == null ? Map.of() : pod.getMetadata().getLabels();
            boolean stale = name.startsWith("legacy-api-");
            boolean builtIn = labels.containsKey("gateway.istio.io/managed") || "ztunnel".equals(labels.get("app"));
            boolean auto = pod.getSpec().getContainers().stream().anyMatch(c -> isProxy(c) && "auto".equals(c.getImage()));
            boolean injected = !builtIn && !auto && (pod.getSpec().getContainers().stream().anyMatch(ModernScenarioTest::isProxy)
                    || pod.getSpec().getInitContainers().stream()
                            .anyMatch(c -> isProxy(c) && "Always".equals(c.getRestartPolicy())));
            boolean hasStatus = pod.getMetadata().getAnnotations().containsKey("sidecar.istio.io/status");
            assertThat(injected).as(name).isEqualTo("refused".equals(expect) || "inject".equals(expect) && !stale);
            assertThat(hasStatus).as(name).isEqualTo(injected);
            assertThat(builtIn || auto).as(name).isEqualTo(name.startsWith("ztunnel-") || name.startsWith("waypoint-")
                    || name.startsWith("gateway-istio-") || name.startsWith("edge-gateway-"));
        }
    }

    private static boolean isProxy(Container c) {
        return "istio-proxy".equals(c.getName());
    }

    @Test
    void theTagStableIsAWebhookConfigurationOfTheCanaryRevision() {
        assertThat(client.admissionRegistration().v1().mutatingWebhookConfigurations().withName("istio-revision-tag-stable")
                .get().getMetadata().getLabels()).containsEntry("istio.io/tag", "stable").containsEntry("istio.io/rev", "canary");
        assertThat(client.nodes().list().getItems()).extracting(n -> n.getStatus().getNodeInfo().getKubeletVersion())
                .containsExactlyInAnyOrder("v1.32.4", "v1.33.1");
    }

    @Test
    void explainPodsFindsOnlyTheDesignedMismatch() {
        Result r = Result.of("explain", "pods", "-A", "--kubeconfig", kubeconfig.toString(), "--no-color");
        assertThat(r.exitCode()).as(r.err()).isEqualTo(1);
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).containsPattern("(?m)^34 pods: 32 consistent, 1 mismatched")
                .containsPattern("legacy-api\\S*\\s+inject\\s+none\\s+MISMATCH")
                .containsPattern("ztunnel-7xk2p\\s+skip\\s+ztunnel \\(built in\\)\\s+ok")
                .containsPattern("cart-\\S+\\s+skip\\s+ambient \\(ztunnel\\)\\s+ok")
                .containsPattern("report-job-\\S+\\s+inject\\s+native-sidecar\\s+ok")
                .containsPattern("debug-proxy-\\S+\\s+refused\\s+sidecar\\s+-\\s+TEMPLATE_NOT_FOUND");
        assertThat(Pattern.compile("MISMATCH").matcher(r.out()).results().count()).isEqualTo(1);
    }

    /** Every pod a modern step of the walkthrough explains is one this scenario holds. */
    @Test
    void theWalkthroughStepsNamePodsOfThisScenario() {
        Pattern explainPod = Pattern.compile("explain pod/(\\S+) -n (\\S+)");
        int named = 0;
        for (Walkthrough.Step step : Walkthrough.steps()) {
            if (step.scenario() != Scenario.MODERN) {
                continue;
            }
            for (String command : step.run()) {
                assertThat(command).as(step.title()).doesNotContain("--demo");
                Matcher m = explainPod.matcher(command);
                if (m.find()) {
                    assertThat(client.pods().inNamespace(m.group(2)).withName(m.group(1)).get()).as(command).isNotNull();
                    named++;
                }
            }
        }
        assertThat(named).isGreaterThanOrEqualTo(5);
    }
}
