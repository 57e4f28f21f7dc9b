package io.injectordoctor.remedy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.injectordoctor.cluster.ClusterGateway;
import io.injectordoctor.report.HookRef;
import io.injectordoctor.report.InjectorTarget;
import io.injectordoctor.report.RestartRecord;
import io.injectordoctor.testing.Gateways;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Istio's own rendered webhook configurations (default revision and 1-16), loaded unchanged. */
class IstioFixturesTest {
    static final Path FIXTURES = Path.of("/work/shared/istio-fixtures/istioctl/pkg/checkinject/testdata/check-inject");

    TestApiServer api;
    ClusterGateway client;
    KubernetesClient kube;

    @BeforeEach
    void start() throws Exception {
        assumeTrue(Files.isDirectory(FIXTURES), "Istio fixtures are not present");
        api = new TestApiServer();
        client = Gateways.to(api.server.url("/"));
        kube = api.controllerClient();
        for (String f : List.of("default-injector.yaml", "rev-16-injector.yaml")) {
            try (InputStream in = Files.newInputStream(FIXTURES.resolve(f))) {
                for (HasMetadata o : kube.load(in).items()) {
                    kube.resource(o).create();
                }
            }
        }
        IstioCluster cluster = new IstioCluster(kube).rootConfigMap(IstioCluster.ROOT);
        for (String rev : List.of("default", "1-16")) {
            String name = rev.equals("default") ? "istiod" : "istiod-" + rev;
            Map<String, String> labels = Map.of("app", "istiod", "istio.io/rev", rev);
            cluster.service(name, labels, "https-webhook", 443, 15017).deployment(name, labels, labels, Map.of())
                    .pod(name, labels, true)
                    .endpointSlice(name, "https-webhook", 15017, true);
        }
    }

    @AfterEach
    void stop() {
        if (api != null) {
            client.close();
            kube.close();
            api.close();
        }
    }

    InjectorState state() {
        return new InjectorState(client, IstioCluster.NS, new InjectorJudge(io.injectordoctor.checks.CheckRegistry.builtIn())
                .kinds());
    }

    @Test
    void everyInjectionHookIsTracedToItsRevisionsDeployment() {
        List<InjectorTarget> found = InjectorLocator.candidates(state().get());

        assertThat(found).extracting(InjectorTarget::id, InjectorTarget::revision).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("istio-system/istiod", "default"),
                org.assertj.core.groups.Tuple.tuple("istio-system/istiod-1-16", "1-16"));
        InjectorTarget def = found.stream().filter(t -> t.name().equals("istiod")).findFirst().orElseThrow();
        assertThat(def.hooks()).extracting(HookRef::hookName).containsExactly("rev.namespace.sidecar-injector.istio.io",
                "rev.object.sidecar-injector.istio.io", "namespace.sidecar-injector.istio.io",
                "object.sidecar-injector.istio.io");
        assertThat(def.hooks()).allSatisfy(h -> {
            assertThat(h.configRevision()).isEqualTo("default");
            assertThat(h.targetPort()).isEqualTo(15017);
        });
    }

    @Test
    void theRenderedConfigurationsCarryNoCaBundleWhichIsAProblem() {
        io.injectordoctor.cluster.ClusterSnapshot s = state().get();
        InjectorTarget rev16 = TargetChoice.choose(InjectorLocator.candidates(s), "1-16", null);

        RestartRecord.Judgement h = new InjectorJudge(io.injectordoctor.checks.CheckRegistry.builtIn()).judge(s, rev16);

        assertThat(h.checks()).filteredOn(c -> c.id().equals("ID0801")).singleElement()
                .satisfies(c -> assertThat(c.status()).isEqualTo(RestartRecord.Status.OK));
        assertThat(h.healthy()).isFalse();
        assertThat(h.checks()).filteredOn(c -> c.status() == RestartRecord.Status.PROBLEM).singleElement().satisfies(c -> {
            assertThat(c.id()).isEqualTo("ID0701");
            // Only the 1-16 configuration: the default revision's hooks are another injector's.
            assertThat(c.findings()).isNotEmpty().allSatisfy(f -> assertThat(f)
                    .startsWith("MutatingWebhookConfiguration istio-sidecar-injector-1-16: the caBundle is empty"));
        });
    }
}
