package io.injectordoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.injectordoctor.testing.Fixtures;
import io.injectordoctor.testing.MockCluster;
import io.injectordoctor.testing.MockCluster.Result;
import org.junit.jupiter.api.Test;

/** Requests are counted at the API server: a fixed number of calls, never one per pod. */
class ExplainRequestBudgetTest {
    private static final String INSTALL = Fixtures.modernInstall("default", "enabled", "docker.io/istio/pilot:1.27.1");

    /**
     * The pod and its namespace (2 GETs); the workloads and warning events of its namespace (6 LISTs),
     * the webhook configurations (1), the nodes (1: their kubelets decide native sidecars), the control
     * plane's Deployments, pods, ConfigMaps, Services, Endpoints and EndpointSlices (6 LISTs) and its
     * three mesh-root secrets (3 GETs): what every check of the catalogue about this pod reads.
     */
    @Test
    void explainOnePodTakesNineteenRequests() {
        try (MockCluster c = new MockCluster()) {
            c.apply(Fixtures.join(INSTALL, Fixtures.namespace("shop", "istio-injection", "enabled"),
                    Fixtures.pod("shop", "web", null, false, true)));
            int before = c.requestCount();
            Result r = c.run("explain", "pod/web", "-n", "shop");
            assertThat(r.exitCode()).as(r.err()).isZero();
            assertThat(c.requestCount() - before).isEqualTo(19);
        }
    }

    /**
     * The namespaces, the webhook configurations, the nodes, the control plane's Deployments,
     * ConfigMaps, Services, Endpoints and EndpointSlices (8 LISTs), the mesh-root secrets (3 GETs), then
     * the pods page by page (the mock server answers a LIST in one page): never one request per pod.
     */
    @Test
    void explainAllPodsOver2000PodsIn200NamespacesTakesTwelveRequests() {
        try (MockCluster c = new MockCluster()) {
            c.apply(INSTALL);
            for (int n = 0; n < 200; n++) {
                String ns = "ns-" + n;
                c.client().namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(ns)
                        .addToLabels("istio-injection", n % 2 == 0 ? "enabled" : "disabled").endMetadata().build()).create();
                for (int p = 0; p < 10; p++) {
                    c.client().pods().inNamespace(ns).resource(new PodBuilder().withNewMetadata().withName("pod-" + p)
                            .withNamespace(ns).endMetadata().withNewSpec().addNewContainer().withName("app").withImage("nginx")
                            .endContainer().endSpec().build()).create();
                }
            }
            int before = c.requestCount();
            Result r = c.run("explain", "pods", "-A", "-o", "json");
            int used = c.requestCount() - before;
            assertThat(r.err()).isEmpty();
            assertThat(r.out()).contains("\"pods\" : 2001");
            assertThat(used).as("requests").isEqualTo(12);
        }
    }
}
