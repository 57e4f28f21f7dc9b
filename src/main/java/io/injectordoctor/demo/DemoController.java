package io.injectordoctor.demo;

import io.injectordoctor.mesh.IstioLayout;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.EndpointAddress;
import io.fabric8.kubernetes.api.model.EndpointSubset;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.MutatingWebhookConfiguration;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * What the controllers and istiod of a real cluster do after {@code kubectl rollout restart} of an
 * injector, played by the demo so that {@code restart-injector} can be seen working: the rollout
 * completes, the new pods become ready (and with them the endpoints), and the restarted istiod
 * writes the mesh root into the caBundle of the webhook configurations of its revision.
 */
final class DemoController {
    private static final long DELAY_MS = 1_500;

    private final KubernetesClient client;

    DemoController(KubernetesClient client) {
        this.client = client;
    }

    /** Called by the dispatcher after a (non-dry-run) patch of a deployment's pod template. */
    void restarted(String namespace, String name) {
        CompletableFuture.runAsync(() -> roll(namespace, name),
                CompletableFuture.delayedExecutor(DELAY_MS, TimeUnit.MILLISECONDS))
                .exceptionally(e -> {
                    System.err.println("demo: the simulated rollout of " + namespace + "/" + name + " failed: " + e);
                    return null;
                });
    }

    private void roll(String namespace, String name) {
        Deployment d = client.apps().deployments().inNamespace(namespace).withName(name).get();
        if (d == null) {
            return;
        }
        Map<String, String> selector = d.getSpec().getSelector().getMatchLabels();
        String revision = d.getSpec().getTemplate().getMetadata().getLabels().getOrDefault(IstioLayout.REV, IstioLayout.DEFAULT_REVISION);
        int replicas = d.getSpec().getReplicas() == null ? 1 : d.getSpec().getReplicas();
        client.apps().deployments().inNamespace(namespace).withName(name).edit(x -> {
            long generation = x.getMetadata().getGeneration() == null ? 1 : x.getMetadata().getGeneration();
            x.getStatus().setObservedGeneration(generation);
            x.getStatus().setReplicas(replicas);
            x.getStatus().setUpdatedReplicas(replicas);
            x.getStatus().setReadyReplicas(replicas);
            x.getStatus().setAvailableReplicas(replicas);
            return x;
        });
        List<String> podNames = new ArrayList<>();
        // The rollout replaces the pods; the demo keeps their names (so the endpoints still point at
        // them) but gives them the creation time a replacement has.
        String now = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
        client.pods().inNamespace(namespace).withLabels(selector).list().getItems().forEach(p -> {
            podNames.add(p.getMetadata().getName());
            client.pods().inNamespace(namespace).withName(p.getMetadata().getName()).edit(x -> {
                x.getMetadata().setCreationTimestamp(now);
                x.getStatus().setStartTime(now);
                x.getStatus().setPhase("Running");
                List<PodCondition> conditions = new ArrayList<>(x.getStatus().getConditions());
                conditions.removeIf(c -> "Ready".equals(c.getType()));
                conditions.add(new PodCondition(null, null, null, null, null, "True", "Ready"));
                x.getStatus().setConditions(conditions);
                return x;
            });
        });
        client.discovery().v1().endpointSlices().inNamespace(namespace).list().getItems().stream()
                .filter(s -> podNames.stream().anyMatch(n -> s.getEndpoints().stream()
                        .anyMatch(e -> e.getTargetRef() != null && n.equals(e.getTargetRef().getName()))))
                .forEach(s -> client.discovery().v1().endpointSlices().inNamespace(namespace)
                        .withName(s.getMetadata().getName()).edit(x -> {
                            x.getEndpoints().forEach(e -> e.getConditions().setReady(true));
                            return x;
                        }));
        client.endpoints().inNamespace(namespace).list().getItems().stream()
                .filter(e -> e.getSubsets().stream().flatMap(s -> s.getNotReadyAddresses().stream())
                        .anyMatch(a -> a.getTargetRef() != null && podNames.contains(a.getTargetRef().getName())))
                .forEach(e -> client.endpoints().inNamespace(namespace).withName(e.getMetadata().getName()).edit(x -> {
                    for (EndpointSubset s : x.getSubsets()) {
                        List<EndpointAddress> all = new ArrayList<>(s.getAddresses());
                        all.addAll(s.getNotReadyAddresses());
                        s.setAddresses(all);
                        s.setNotReadyAddresses(new ArrayList<>());
                    }
                    return x;
                }));
        ConfigMap root = client.configMaps().inNamespace(namespace).withName(IstioLayout.ROOT_CONFIG_MAP).get();
        if (root == null || root.getData() == null || root.getData().get("root-cert.pem") == null) {
            return;
        }
        String bundle = Base64.getEncoder().encodeToString(
                root.getData().get("root-cert.pem").getBytes(StandardCharsets.US_ASCII));
        for (MutatingWebhookConfiguration c : client.admissionRegistration().v1().mutatingWebhookConfigurations()
                .list().getItems()) {
            if (!revision.equals(c.getMetadata().getLabels() == null ? null : c.getMetadata().getLabels().get(IstioLayout.REV))) {
                continue;
            }
            client.admissionRegistration().v1().mutatingWebhookConfigurations().withName(c.getMetadata().getName())
                    .edit(x -> {
                        x.getWebhooks().stream().filter(h -> IstioLayout.patchedByIstiod(h.getName()))
                                .forEach(h -> h.getClientConfig().setCaBundle(bundle));
                        return x;
                    });
        }
        new StuckReplicaSets(client).retry();
    }
}
