package io.injectordoctor.certs;

import io.injectordoctor.mesh.IstioLayout;
import io.injectordoctor.cluster.ClusterSnapshot;
import io.injectordoctor.cluster.ResourceKind;
import io.injectordoctor.model.ConfigMapInfo;
import io.injectordoctor.model.ObjectMeta;
import io.injectordoctor.model.SecretInfo;
import io.injectordoctor.model.Webhook;
import io.injectordoctor.model.WebhookConfiguration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Istio's webhook layouts, stated as model objects, with a caBundle chosen by the test. */
final class TestCluster {
    static final String[] ISTIOD_HOOKS = {"rev.namespace.sidecar-injector.istio.io", "rev.object.sidecar-injector.istio.io",
        "namespace.sidecar-injector.istio.io", "object.sidecar-injector.istio.io"};

    private TestCluster() {
    }

    static Webhook hook(String name, String service, String caBundle, String failurePolicy) {
        return new Webhook(name, List.of(), null, null,
                new Webhook.ClientConfig(new Webhook.ServiceReference("istio-system", service, "/inject", 443), null,
                        caBundle),
                failurePolicy, "None", 10, "Never", "Equivalent", List.of("v1"), List.of());
    }

    /** istiod's configuration (1.10+ shape) with the revision label, all hooks carrying {@code caBundle}. */
    static WebhookConfiguration istiod(String caBundle, Map<String, String> labels) {
        List<Webhook> hooks = new ArrayList<>();
        for (String n : ISTIOD_HOOKS) {
            hooks.add(hook(n, "istiod", caBundle, "Fail"));
        }
        return new WebhookConfiguration("admissionregistration.k8s.io/v1",
                ObjectMeta.of(null, "istio-sidecar-injector").withLabels(labels), hooks);
    }

    static WebhookConfiguration istiod(String caBundle) {
        return istiod(caBundle, Map.of("istio.io/rev", "default", "app", "sidecar-injector"));
    }

    /** The 1.0-1.4 shape: one hook named exactly sidecar-injector.istio.io, no revision label. */
    static WebhookConfiguration legacy(String caBundle) {
        return new WebhookConfiguration("admissionregistration.k8s.io/v1beta1",
                ObjectMeta.of(null, "istio-sidecar-injector").withLabels(Map.of("app", "sidecarInjectorWebhook")),
                List.of(hook("sidecar-injector.istio.io", "istio-sidecar-injector", caBundle, "Fail")));
    }

    static ClusterSnapshot.Builder snapshot() {
        return ClusterSnapshot.builder().source("test").loaded(ResourceKind.SECRET).loaded(ResourceKind.CONFIGMAP)
                .loaded(ResourceKind.MUTATING_WEBHOOK_CONFIGURATION);
    }

    static ConfigMapInfo rootConfigMap(String pem) {
        return new ConfigMapInfo(ObjectMeta.of("istio-system", IstioLayout.ROOT_CONFIG_MAP), Map.of("root-cert.pem", pem));
    }

    static SecretInfo secret(String name, String key, String pem) {
        return new SecretInfo(ObjectMeta.of("istio-system", name), "Opaque", Map.of(key, pem));
    }
}
