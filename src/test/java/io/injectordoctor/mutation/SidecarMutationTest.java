package io.injectordoctor.mutation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import io.fabric8.zjsonpatch.JsonPatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SidecarMutationTest {
    private static final InjectionSettings DEFAULTS = InjectionSettings.defaults();

    static ObjectNode yaml(String text) throws Exception {
        return Manifests.parse(text).get(0);
    }

    static ObjectNode pod() throws Exception {
        return yaml("""
                apiVersion: v1
                kind: Pod
                metadata:
                  name: web
                  namespace: shop
                  labels: {app: web, version: v2}
                spec:
                  initContainers:
                  - name: migrate
                    image: migrate:1
                  containers:
                  - name: web
                    image: nginx
                    ports: [{containerPort: 8080, protocol: TCP}]
                  volumes:
                  - name: data
                    emptyDir: {}
                """);
    }

    private static List<String> names(JsonNode list) {
        List<String> out = new ArrayList<>();
        list.forEach(c -> out.add(c.path("name").asText()));
        return out;
    }

    private static JsonNode env(JsonNode container, String name) {
        for (JsonNode e : container.path("env")) {
            if (e.path("name").asText().equals(name)) {
                return e.path("value");
            }
        }
        return null;
    }

    @Test
    void nativeSidecarGoesBeforeTheUserInitContainersAndIsRecordedInTheStatus() throws Exception {
        ObjectNode in = pod();
        ObjectNode out = SidecarMutation.inject(in, DEFAULTS, null);

        JsonNode spec = out.path("spec");
        assertThat(names(spec.path("initContainers"))).containsExactly("istio-init", "istio-proxy", "migrate");
        assertThat(names(spec.path("containers"))).containsExactly("web");
        assertThat(spec.path("initContainers").get(1).path("restartPolicy").asText()).isEqualTo("Always");
        assertThat(spec.path("initContainers").get(1).path("image").asText()).isEqualTo("docker.io/istio/proxyv2:1.30.0");
        assertThat(names(spec.path("volumes"))).startsWith("data")
                .contains("istio-envoy", "istio-data", "istio-podinfo", "istio-token", "istiod-ca-cert");
        JsonNode ann = out.path("metadata").path("annotations");
        assertThat(ann.path("sidecar.istio.io/status").asText()).isEqualTo("{\"initContainers\":[\"istio-init\","
                + "\"istio-proxy\"],\"containers\":null,\"volumes\":[\"workload-socket\",\"credential-socket\","
                + "\"workload-certs\",\"istio-envoy\",\"istio-data\",\"istio-podinfo\",\"istio-token\","
                + "\"istiod-ca-cert\",\"istio-ca-crl\"],\"imagePullSecrets\":null,\"revision\":\"default\"}");
        assertThat(ann.path("istio.io/rev").asText()).isEqualTo("default");
        assertThat(ann.path("kubectl.kubernetes.io/default-container").asText()).isEqualTo("web");
        JsonNode labels = out.path("metadata").path("labels");
        assertThat(labels.path("security.istio.io/tlsMode").asText()).isEqualTo("istio");
        assertThat(labels.path("service.istio.io/canonical-name").asText()).isEqualTo("web");
        assertThat(labels.path("service.istio.io/canonical-revision").asText()).isEqualTo("v2");
        JsonNode proxy = spec.path("initContainers").get(1);
        assertThat(env(proxy, "ISTIO_META_OWNER").asText()).isEqualTo("kubernetes://apis/v1/namespaces/shop/pods/web");
        assertThat(env(proxy, "ISTIO_META_POD_PORTS").asText())
                .isEqualTo("[\n    {\"containerPort\":8080,\"protocol\":\"TCP\"}\n]");
        assertThat(in).as("input untouched").isEqualTo(pod());
    }

    @Test
    void regularSidecarIsTheLastContainer() throws Exception {
        ObjectNode out = SidecarMutation.inject(pod(), DEFAULTS.withNativeSidecar(false), null);
        assertThat(names(out.path("spec").path("initContainers"))).containsExactly("istio-init", "migrate");
        assertThat(names(out.path("spec").path("containers"))).containsExactly("web", "istio-proxy");
        assertThat(out.path("spec").path("containers").get(1).has("restartPolicy")).isFalse();
        assertThat(InjectionStatus.read(out.path("metadata")).orElseThrow().containers()).containsExactly("istio-proxy");
    }

    @Test
    void podAnnotationOverridesTheNativeSidecarSetting() throws Exception {
        ObjectNode in = pod();
        ((ObjectNode) in.path("metadata")).putObject("annotations").put("sidecar.istio.io/nativeSidecar", "false");
        ObjectNode out = SidecarMutation.inject(in, DEFAULTS, null);
        assertThat(names(out.path("spec").path("containers"))).containsExactly("web", "istio-proxy");
    }

    @Test
    void cniReplacesIstioInitWithValidation() throws Exception {
        ObjectNode out = SidecarMutation.inject(pod(), DEFAULTS.withCni(true), null);
        assertThat(names(out.path("spec").path("initContainers"))).containsExactly("istio-validation", "istio-proxy", "migrate");
        assertThat(out.path("spec").path("initContainers").get(0).path("args").toString()).contains("--run-validation");
    }

    @Test
    void revisionNamesTheAnnotationStatusAndIstiod() throws Exception {
        ObjectNode out = SidecarMutation.inject(pod(), DEFAULTS.withRevision("canary"), null);
        assertThat(out.path("metadata").path("annotations").path("istio.io/rev").asText()).isEqualTo("canary");
        assertThat(InjectionStatus.read(out.path("metadata")).orElseThrow().revision()).isEqualTo("canary");
        assertThat(env(out.path("spec").path("initContainers").get(1), "CA_ADDR").asText())
                .isEqualTo("istiod-canary.istio-system.svc:15012");
    }

    @Test
    void imagesFollowTheInjectorValues() throws Exception {
        JsonNode values = InjectorConfigMaps.parseValues(
                "{\"global\":{\"hub\":\"registry.example/istio\",\"tag\":\"1.29.2\",\"proxy\":{\"image\":\"proxyv2\"}},"
                        + "\"pilot\":{\"cni\":{\"enabled\":true},\"env\":{\"ENABLE_NATIVE_SIDECARS\":\"false\"}}}");
        InjectionSettings s = InjectionSettings.fromValues(values, "mesh");
        assertThat(s.image(null)).isEqualTo("registry.example/istio/proxyv2:1.29.2");
        assertThat(s.cni()).isTrue();
        assertThat(s.nativeSidecar()).isFalse();
        InjectionSettings full = InjectionSettings.fromValues(InjectorConfigMaps.parseValues(
                "{\"global\":{\"hub\":\"h\",\"tag\":\"t\",\"proxy\":{\"image\":\"my.reg/proxy:9\"}}}"), null);
        assertThat(full.image(null)).isEqualTo("my.reg/proxy:9");
        assertThat(full.image("other/img:1")).isEqualTo("other/img:1");
        assertThat(InjectionSettings.fromValues(InjectorConfigMaps.parseValues("{}"), null))
                .isEqualTo(InjectionSettings.defaults());
    }

    @Test
    void podOfAReplicaSetBelongsToItsDeployment() throws Exception {
        ObjectNode in = yaml("""
                kind: Pod
                apiVersion: v1
                metadata:
                  generateName: web-7d4b9c-
                  labels: {pod-template-hash: 7d4b9c, app.kubernetes.io/name: shopfront}
                  ownerReferences:
                  - {apiVersion: apps/v1, kind: ReplicaSet, name: web-7d4b9c, controller: true}
                spec:
                  containers: [{name: web, image: nginx}]
                """);
        ObjectNode out = SidecarMutation.inject(in, DEFAULTS, "shop");
        JsonNode proxy = out.path("spec").path("initContainers").get(1);
        assertThat(env(proxy, "ISTIO_META_WORKLOAD_NAME").asText()).isEqualTo("web");
        assertThat(env(proxy, "ISTIO_META_OWNER").asText())
                .isEqualTo("kubernetes://apis/apps/v1/namespaces/shop/deployments/web");
        assertThat(out.path("metadata").path("labels").path("service.istio.io/canonical-name").asText())
                .isEqualTo("shopfront");
    }

    @ParameterizedTest
    @ValueSource(strings = {"pod.yaml", "deployment.yaml", "cronjob.yaml", "already-injected.yaml"})
    void injectingTwiceGivesTheSameObject(String fixture) throws Exception {
        ObjectNode in = Fixtures.object(fixture);
        for (InjectionSettings s : List.of(DEFAULTS, DEFAULTS.withCni(true), DEFAULTS.withNativeSidecar(false))) {
            ObjectNode once = SidecarMutation.inject(in, s, "default");
            ObjectNode twice = SidecarMutation.inject(once, s, "default");
            assertThat(twice).isEqualTo(once);
            assertThat(Manifests.toYaml(twice)).isEqualTo(Manifests.toYaml(once));
            assertThat(JsonPatch.apply(Patches.diff(in, once), in)).isEqualTo(once);
        }
    }

    @Test
    void reinjectionRemovesWhatTheOldStatusListedEvenInTheOldLayout() throws Exception {
        ObjectNode out = SidecarMutation.inject(Fixtures.object("already-injected.yaml"), DEFAULTS, null);
        JsonNode spec = out.path("spec");
        assertThat(names(spec.path("containers"))).containsExactly("app");
        assertThat(names(spec.path("initContainers"))).containsExactly("istio-init", "istio-proxy");
        assertThat(names(spec.path("volumes"))).doesNotHaveDuplicates().contains("user-data");
        assertThat(out.path("metadata").path("annotations").path("prometheus.io/port").asText()).isEqualTo("15020");
    }

    @Test
    void userPrometheusAnnotationsAreKept() throws Exception {
        ObjectNode in = pod();
        ((ObjectNode) in.path("metadata")).putObject("annotations")
                .put("prometheus.io/scrape", "true").put("prometheus.io/port", "9090");
        JsonNode ann = SidecarMutation.inject(in, DEFAULTS, null).path("metadata").path("annotations");
        assertThat(ann.path("prometheus.io/port").asText()).isEqualTo("9090");
        assertThat(ann.has("prometheus.io/path")).isFalse();
    }

    @Test
    void objectsWithoutAPodSpecAreRefused() throws Exception {
        assertThatThrownBy(() -> SidecarMutation.inject(yaml("{kind: Service, metadata: {name: s}}"), DEFAULTS, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Service/s");
        Injector.Outcome o = new Injector(ReferenceGate.kubeInject(io.injectordoctor.mesh.RuleSet.ISTIO_1_27_PLUS), DEFAULTS).inject(yaml("{kind: Service}"), null);
        assertThat(o.injected()).isFalse();
        assertThat(o.reason()).contains("not a pod");
    }
}
