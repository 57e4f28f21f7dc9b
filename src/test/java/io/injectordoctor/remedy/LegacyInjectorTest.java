package io.injectordoctor.remedy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.EndpointsBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.injectordoctor.cluster.ClusterGateway;
import io.injectordoctor.testing.Gateways;
import io.injectordoctor.render.Structured;
import io.injectordoctor.report.HookRef;
import io.injectordoctor.report.RestartRecord;
import io.injectordoctor.render.Style;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The seed's layout: istio-sidecar-injector, its own secret with root-cert.pem, an Endpoints object and no slices. */
class LegacyInjectorTest {
    TestApiServer api;
    ClusterGateway client;
    KubernetesClient kube;
    IstioCluster cluster;
    MutableClock clock;

    @BeforeEach
    void start() {
        api = new TestApiServer();
        client = Gateways.to(api.server.url("/"));
        kube = api.controllerClient();
        cluster = new IstioCluster(kube);
        clock = new MutableClock(IstioCluster.NOW, ZoneId.of("UTC"));
        Map<String, String> labels = Map.of("istio", "sidecar-injector");
        cluster.secret(io.injectordoctor.mesh.IstioLayout.LEGACY_SECRET, "root-cert.pem", IstioCluster.ROOT)
                .webhookConfig("istio-sidecar-injector", null, "istio-sidecar-injector",
                        IstioCluster.OTHER_ROOT.certificatePem(), "sidecar-injector.istio.io", "extra-injector.istio.io")
                .deployment("istio-sidecar-injector", labels, labels, Map.of())
                .pod("istio-sidecar-injector", labels, true);
        kube.services().inNamespace(IstioCluster.NS).resource(new io.fabric8.kubernetes.api.model.ServiceBuilder()
                .withNewMetadata().withName("istio-sidecar-injector").withNamespace(IstioCluster.NS).endMetadata()
                .withNewSpec().withSelector(labels).addNewPort().withPort(443).endPort().endSpec().build()).create();
        kube.endpoints().inNamespace(IstioCluster.NS).resource(new EndpointsBuilder().withNewMetadata()
                .withName("istio-sidecar-injector").withNamespace(IstioCluster.NS).endMetadata().addNewSubset()
                .addNewAddress().withIp("10.48.6.108").endAddress().addNewPort().withPort(443).endPort().endSubset()
                .build()).create();
    }

    @AfterEach
    void stop() {
        client.close();
        kube.close();
        api.close();
    }

    @Test
    void theLegacySecretIsTheRootAndOnlyTheExactHookNameIsPatchedByTheInjector() {
        PlayedRollout rollout = new PlayedRollout(kube, cluster, clock, "istio-sidecar-injector",
                PlayedRollout.Script.COMPLETES).keepingEndpoints();

        RestartRecord r = new RestartInjector(client, IstioCluster.NS, clock,
                rollout, s -> { }, null).run(RestartInjectorTest.yes());

        assertThat(r.target().legacy()).isTrue();
        assertThat(r.target().hooks()).extracting(HookRef::targetPort).containsOnly(443);
        assertThat(r.patch().restartedAt()).isEqualTo("2026-11-22T02:04:05Z");
        assertThat(r.before().checks()).filteredOn(c -> c.id().equals("ID0801")).singleElement()
                .satisfies(c -> assertThat(c.status()).isEqualTo(RestartRecord.Status.OK));
        assertThat(r.before().checks()).filteredOn(c -> c.status() == RestartRecord.Status.PROBLEM).singleElement()
                .satisfies(c -> {
                    assertThat(c.id()).isEqualTo("ID0701");
                    assertThat(c.findings()).isNotEmpty().anySatisfy(f -> assertThat(f).contains("does not contain the mesh root",
                            "istio.istio-sidecar-injector-service-account"));
                });
        assertThat(r.result()).isEqualTo(RestartRecord.Result.STILL_BROKEN);
        assertThat(r.nextSteps()).hasSize(2);
        assertThat(r.nextSteps().get(0)).contains("writes the caBundle of istio-sidecar-injector/sidecar-injector.istio.io");
        assertThat(r.nextSteps().get(1)).contains("hook named exactly sidecar-injector.istio.io",
                "istio-sidecar-injector/extra-injector.istio.io is never patched");
    }

    @Test
    void noKeyFromTheSecretReachesAnyOutput() {
        RestartRecord r = new RestartInjector(client, IstioCluster.NS, clock,
                new PlayedRollout(kube, cluster, clock, "istio-sidecar-injector", PlayedRollout.Script.COMPLETES)
                        .keepingEndpoints(), s -> { }, null).run(RestartInjectorTest.yes());
        StringWriter text = new StringWriter();
        new io.injectordoctor.render.RestartText(Style.plain()).print(new PrintWriter(text), r);
        String all = text + Structured.json(r) + Structured.yaml(r);
        String keyBody = IstioCluster.ROOT.keyPem().lines().filter(l -> !l.startsWith("-----")).findFirst().orElseThrow();
        assertThat(all).doesNotContain("PRIVATE KEY").doesNotContain(keyBody)
                .doesNotContain(Base64.getEncoder().encodeToString(IstioCluster.ROOT.keyPem().getBytes()).substring(0, 40));
        assertThat(text.toString()).contains("CHECK", "BEFORE", "AFTER", "Result: restarted istio-system/istio-sidecar-injector,"
                + " but a problem remains", "Next steps:");
    }
}
