package io.injectordoctor.model;

import java.util.List;
import java.util.Map;

/**
 * A pod-template owner: Deployment, StatefulSet, DaemonSet, ReplicaSet or Job. {@code meta} is the
 * workload's own metadata (ignored by Istio), {@code templateMeta} the template's (what counts).
 */
public record WorkloadInfo(String kind, ObjectMeta meta, ObjectMeta templateMeta, PodSpecInfo templateSpec,
        Map<String, String> selector, Integer replicas, boolean paused, WorkloadStatus status) {
    public WorkloadInfo {
        selector = selector == null ? Map.of() : Map.copyOf(selector);
    }

    public record WorkloadStatus(Long observedGeneration, Integer replicas, Integer updatedReplicas,
            Integer readyReplicas, Integer availableReplicas, List<Condition> conditions) {
        public WorkloadStatus {
            conditions = conditions == null ? List.of() : List.copyOf(conditions);
        }
    }
}
