package io.injectordoctor.remedy;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.MutatingWebhook;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.MutatingWebhookBuilder;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.MutatingWebhookConfiguration;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.MutatingWebhookConfigurationBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSliceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.injectordoctor.certs.Pki;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Seeds an Istio control plane into the test API server, through the controller's client. */
public final class IstioCluster {
    public static final String NS = "istio-system";
    public static final Instant NOW = Instant.parse("2026-11-22T02:04:05Z");
    public static final Pki.Issued ROOT = Pki.root("mesh root", NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(365)));
    public static final Pki.Issued OTHER_ROOT = Pki.root("old mesh root", NOW.minus(Duration.ofDays(400)),
            NOW.plus(Duration.ofDays(30)));

    private final KubernetesClient kube;

    public IstioCluster(KubernetesClient controllerClient) {
        this.kube = controllerClient;
    }

    public static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    /** A default-revision istiod: configuration, service, deployment (rolled out), one endpoint slice. */
    public IstioCluster istiod(String rev, Pki.Issued bundle, boolean endpointReady) {
        String name = rev.equals("default") ? "istiod" : "istiod-" + rev;
        String config = rev.equals("default") ? "istio-sidecar-injector" : "istio-sidecar-injector-" + rev;
        Map<String, String> labels = Map.of("app", "istiod", "istio.io/rev", rev);
        webhookConfig(config, rev, name, bundle == null ? "" : bundle.certificatePem(),
                "rev.namespace.sidecar-injector.istio.io", "namespace.sidecar-injector.istio.io");
        service(name, labels, "https-webhook", 443, 15017);
        deployment(name, labels, labels, Map.of());
        pod(name, labels, endpointReady);
        endpointSlice(name, "https-webhook", 15017, endpointReady);
        return this;
    }

    /** The injector's pod, named after its deployment, ready or not. */
    public IstioCluster pod(String deployment, Map<String, String> labels, boolean ready) {
        kube.pods().inNamespace(NS).resource(new PodBuilder().withNewMetadata().withName(deployment + "-7d9f8c6b5d-x2k4z")
                .withNamespace(NS).withLabels(labels).endMetadata().withNewSpec().addNewContainer().withName("discovery")
                .withImage("docker.io/istio/pilot:1.28.0").endContainer().endSpec().withNewStatus().withPhase("Running")
                .addNewCondition().withType("Ready").withStatus(ready ? "True" : "False").endCondition().endStatus().build())
                .createOr(x -> x.update());
        return this;
    }

    public void podReady(String deployment, boolean ready) {
        kube.pods().inNamespace(NS).withName(deployment + "-7d9f8c6b5d-x2k4z").edit(p -> {
            p.getStatus().getConditions().forEach(c -> c.setStatus(ready ? "True" : "False"));
            return p;
        });
    }

    public IstioCluster rootConfigMap(Pki.Issued root) {
        kube.configMaps().inNamespace(NS).resource(new ConfigMapBuilder().withNewMetadata().withName("istio-ca-root-cert")
                .withNamespace(NS).endMetadata().addToData("root-cert.pem", root.certificatePem()).build()).create();
        return this;
    }

    /** A secret as a real CA secret looks, key included, to show that only the certificate entry is used. */
    public IstioCluster secret(String name, String certKey, Pki.Issued cert) {
        kube.secrets().inNamespace(NS).resource(new SecretBuilder().withNewMetadata().withName(name).withNamespace(NS)
                .endMetadata().addToData(certKey, b64(cert.certificatePem()))
                .addToData("ca-key.pem", b64(cert.keyPem())).build()).create();
        return this;
    }

    public IstioCluster webhookConfig(String name, String revLabel, String service, String bundlePem, String... hooks) {
        List<MutatingWebhook> ws = new ArrayList<>();
        for (String h : hooks) {
            ws.add(new MutatingWebhookBuilder().withName(h).withNewClientConfig()
                    .withCaBundle(bundlePem.isEmpty() ? null : b64(bundlePem))
                    .withNewService().withNamespace(NS).withName(service).withPath("/inject").withPort(443).endService()
                    .endClientConfig().withSideEffects("None").withAdmissionReviewVersions("v1").build());
        }
        Map<String, String> labels = new HashMap<>();
        if (revLabel != null) {
            labels.put("istio.io/rev", revLabel);
        }
        kube.admissionRegistration().v1().mutatingWebhookConfigurations().resource(new MutatingWebhookConfigurationBuilder()
                .withNewMetadata().withName(name).withLabels(labels).endMetadata().withWebhooks(ws).build()).create();
        return this;
    }

    public IstioCluster service(String name, Map<String, String> selector, String portName, int port, int targetPort) {
        kube.services().inNamespace(NS).resource(new ServiceBuilder().withNewMetadata().withName(name).withNamespace(NS)
                .endMetadata().withNewSpec().withSelector(selector).addNewPort().withName(portName).withPort(port)
                .withTargetPort(new IntOrString(targetPort)).endPort().addNewPort().withName("grpc-xds").withPort(15010)
                .withTargetPort(new IntOrString(15010)).endPort().endSpec().build()).create();
        return this;
    }

    public IstioCluster deployment(String name, Map<String, String> labels, Map<String, String> templateLabels,
            Map<String, String> annotations) {
        Deployment d = new DeploymentBuilder().withNewMetadata().withName(name).withNamespace(NS).withLabels(labels)
                .withAnnotations(annotations).withGeneration(1L).endMetadata()
                .withNewSpec().withReplicas(1).withNewSelector().withMatchLabels(templateLabels).endSelector()
                .withNewStrategy().withType("RollingUpdate").endStrategy()
                .withNewTemplate().withNewMetadata().withLabels(templateLabels)
                .addToAnnotations("sidecar.istio.io/inject", "false").endMetadata()
                .withNewSpec().addNewContainer().withName("discovery").withImage("docker.io/istio/pilot:1.28.0")
                .endContainer().endSpec().endTemplate().endSpec()
                .withNewStatus().withObservedGeneration(1L).withReplicas(1).withUpdatedReplicas(1).withReadyReplicas(1)
                .withAvailableReplicas(1).endStatus().build();
        kube.apps().deployments().inNamespace(NS).resource(d).create();
        return this;
    }

    public IstioCluster endpointSlice(String service, String portName, int port, boolean ready) {
        kube.discovery().v1().endpointSlices().inNamespace(NS).resource(new EndpointSliceBuilder().withNewMetadata()
                .withName(service + "-slice").withNamespace(NS).addToLabels("kubernetes.io/service-name", service)
                .endMetadata().withAddressType("IPv4").addNewPort().withName(portName).withPort(port).withProtocol("TCP")
                .endPort().addNewEndpoint().withAddresses("10.48.6.108").withNewConditions().withReady(ready)
                .endConditions().endEndpoint().build()).createOr(x -> x.update());
        return this;
    }

    public void setBundle(String config, Pki.Issued bundle) {
        kube.admissionRegistration().v1().mutatingWebhookConfigurations().withName(config).edit(c -> {
            for (MutatingWebhook w : c.getWebhooks()) {
                w.getClientConfig().setCaBundle(b64(bundle.certificatePem()));
            }
            return c;
        });
    }

    public MutatingWebhookConfiguration config(String name) {
        return kube.admissionRegistration().v1().mutatingWebhookConfigurations().withName(name).get();
    }
}
