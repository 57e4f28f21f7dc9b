package io.injectordoctor.demo;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetCondition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.injectordoctor.mesh.IstioLayout;
import io.injectordoctor.mesh.RuleSet;
import io.injectordoctor.mutation.InjectionSettings;
import io.injectordoctor.mutation.Injector;
import io.injectordoctor.mutation.ReferenceGate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * What a ReplicaSet controller does once the injection webhook answers again: it retries, the pods
 * are created (and injected), and the ReplicaFailure condition goes away. The demo's injector is the
 * embedded reference injector, so the new pods carry the sidecar a real istiod would add.
 */
final class StuckReplicaSets {
    private final KubernetesClient client;
    private final Injector injector = new Injector(ReferenceGate.kubeInject(RuleSet.ISTIO_1_27_PLUS),
            InjectionSettings.defaults());

    StuckReplicaSets(KubernetesClient client) {
        this.client = client;
    }

    void retry() {
        for (ReplicaSet rs : client.apps().replicaSets().inAnyNamespace().list().getItems()) {
            boolean stuck = rs.getStatus() != null && rs.getStatus().getConditions() != null
                    && rs.getStatus().getConditions().stream().anyMatch(c -> "ReplicaFailure".equals(c.getType())
                            && c.getMessage() != null && c.getMessage().contains(IstioLayout.ISTIO_HOOK_SUFFIX));
            if (stuck) {
                createPods(rs);
            }
        }
    }

    private void createPods(ReplicaSet rs) {
        String ns = rs.getMetadata().getNamespace();
        int replicas = rs.getSpec().getReplicas() == null ? 1 : rs.getSpec().getReplicas();
        String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        for (int i = 0; i < replicas; i++) {
            ObjectNode pod = JsonNodeFactory.instance.objectNode();
            pod.put("apiVersion", "v1");
            pod.put("kind", "Pod");
            ObjectNode meta = client.getKubernetesSerialization().convertValue(rs.getSpec().getTemplate().getMetadata(), ObjectNode.class);
            meta.put("name", rs.getMetadata().getName() + "-retry" + i);
            meta.put("namespace", ns);
            meta.put("creationTimestamp", now);
            meta.putArray("ownerReferences").addObject().put("apiVersion", "apps/v1").put("kind", "ReplicaSet")
                    .put("name", rs.getMetadata().getName()).put("uid", rs.getMetadata().getUid()).put("controller", true);
            pod.set("metadata", meta);
            pod.set("spec", client.getKubernetesSerialization().convertValue(rs.getSpec().getTemplate().getSpec(), ObjectNode.class));
            ObjectNode injected = injector.inject(pod, ns).object();
            client.raw("/api/v1/namespaces/" + ns + "/pods", "POST", injected);
        }
        client.apps().replicaSets().inNamespace(ns).withName(rs.getMetadata().getName()).edit(x -> {
            List<ReplicaSetCondition> kept = new ArrayList<>(x.getStatus().getConditions());
            kept.removeIf(c -> "ReplicaFailure".equals(c.getType()));
            x.getStatus().setConditions(kept);
            x.getStatus().setReplicas(replicas);
            x.getStatus().setReadyReplicas(replicas);
            x.getStatus().setAvailableReplicas(replicas);
            return x;
        });
    }
}
