package io.injectordoctor.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Endpoints;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.MutatingWebhookConfiguration;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class BrokenScenarioTest {
    private static DemoCluster demo;
    private static KubernetesClient client;

    @BeforeAll
    static void start() {
        demo = DemoCluster.start(Scenario.BROKEN);
        client = demo.client();
    }

    @AfterAll
    static void stop() {
        demo.close();
    }

    @Test
    void theDefaultWebhooksCaBundleDoesNotHoldTheMeshRoot() {
        String root = client.configMaps().inNamespace("istio-system").withName("istio-ca-root-cert").get()
                .getData().get("root-cert.pem");
        MutatingWebhookConfiguration mwc = client.admissionRegistration().v1().mutatingWebhookConfigurations()
                .withName("istio-sidecar-injector").get();
        String bundle = DemoClusterTest.decode(mwc.getWebhooks().get(0).getClientConfig().getCaBundle());
        assertThat(bundle).startsWith("-----BEGIN CERTIFICATE-----").isNotEqualTo(root);
        // The other revisions keep trusting the mesh root: only the default injector is broken.
        MutatingWebhookConfiguration canary = client.admissionRegistration().v1().mutatingWebhookConfigurations()
                .withName("istio-sidecar-injector-canary").get();
        assertThat(DemoClusterTest.decode(canary.getWebhooks().get(0).getClientConfig().getCaBundle())).isEqualTo(root);
    }

    @Test
    void istiodHasNoReadyEndpoint() {
        Endpoints ep = client.endpoints().inNamespace("istio-system").withName("istiod").get();
        assertThat(ep.getSubsets()).allSatisfy(s -> {
            assertThat(s.getAddresses()).isNullOrEmpty();
            assertThat(s.getNotReadyAddresses()).hasSize(1);
        });
        List<EndpointSlice> slices = client.discovery().v1().endpointSlices().inNamespace("istio-system")
                .withLabel("kubernetes.io/service-name", "istiod").list().getItems();
        assertThat(slices).singleElement().satisfies(s -> assertThat(s.getEndpoints())
                .allSatisfy(e -> assertThat(e.getConditions().getReady()).isFalse()));
        Pod istiod = client.pods().inNamespace("istio-system").withLabel("istio.io/rev", "default").list()
                .getItems().get(0);
        assertThat(istiod.getStatus().getConditions())
                .anySatisfy(c -> {
                    assertThat(c.getType()).isEqualTo("Ready");
                    assertThat(c.getStatus()).isEqualTo("False");
                });
    }

    @Test
    void aReplicaSetCannotCreateItsPods() {
        ReplicaSet rs = client.apps().replicaSets().inNamespace("opt-in").withLabel("app", "checkout").list()
                .getItems().get(0);
        assertThat(rs.getStatus().getConditions()).anySatisfy(c -> {
            assertThat(c.getType()).isEqualTo("ReplicaFailure");
            assertThat(c.getReason()).isEqualTo("FailedCreate");
        });
        List<Event> events = client.v1().events().inNamespace("opt-in").list().getItems().stream()
                .filter(e -> e.getInvolvedObject().getName().equals(rs.getMetadata().getName()))
                .toList();
        assertThat(events).allSatisfy(e -> {
            assertThat(e.getReason()).isEqualTo("FailedCreate");
            assertThat(e.getType()).isEqualTo("Warning");
            assertThat(e.getInvolvedObject().getUid()).isEqualTo(rs.getMetadata().getUid());
        });
        assertThat(events).extracting(Event::getMessage).anySatisfy(
                m -> assertThat(m).contains("x509: certificate signed by unknown authority"))
                .anySatisfy(m -> assertThat(m).contains("no endpoints available for service \"istiod\""));
        assertThat(client.pods().inNamespace("opt-in").withLabel("app", "checkout").list().getItems()).isEmpty();
    }

    @Test
    void theHealthySetIsStillThere() {
        assertThat(client.pods().inNamespace("opt-in").withName("tt-01-match-enabled-true").get()).isNotNull();
        assertThat(client.pods().inAnyNamespace().list().getItems())
                .filteredOn(p -> p.getMetadata().getName().startsWith("tt-")).hasSize(12);
    }
}
