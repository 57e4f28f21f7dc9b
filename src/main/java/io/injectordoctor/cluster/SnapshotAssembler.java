package io.injectordoctor.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashSet;
import java.util.Set;

/** Routes parsed API objects into a snapshot by kind; objects of other kinds are counted and skipped. */
public final class SnapshotAssembler {
    private final ClusterSnapshot.Builder builder;
    private final Set<String> skippedKinds = new LinkedHashSet<>();

    public SnapshotAssembler(ClusterSnapshot.Builder builder) {
        this.builder = builder;
    }

    /** Adds one object; returns false when its kind is not one a diagnosis reads. */
    public boolean add(JsonNode o) {
        String kind = Json.text(o, "kind");
        if (kind == null) {
            return false;
        }
        switch (kind) {
            case "Namespace" -> builder.namespace(ObjectConverter.namespace(o));
            case "Pod" -> builder.pod(ObjectConverter.pod(o));
            case "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job", "CronJob" -> {
                builder.workload(ObjectConverter.workload(o));
                builder.loaded(kindOf(kind));
            }
            case "MutatingWebhookConfiguration" -> builder.webhookConfiguration(ObjectConverter.webhookConfiguration(o));
            case "ConfigMap" -> builder.configMap(ObjectConverter.configMap(o));
            case "Service" -> builder.service(ObjectConverter.service(o));
            case "Endpoints" -> {
                builder.endpoints(ObjectConverter.endpoints(o));
                builder.loaded(ResourceKind.ENDPOINTS);
            }
            case "EndpointSlice" -> {
                builder.endpoints(ObjectConverter.endpointSlice(o));
                builder.loaded(ResourceKind.ENDPOINTSLICE);
            }
            case "Secret" -> builder.secret(SecretReader.read(o));
            case "Event" -> builder.event(ObjectConverter.event(o));
            case "Node" -> builder.node(ObjectConverter.node(o));
            default -> {
                skippedKinds.add(kind);
                return false;
            }
        }
        return true;
    }

    /** Whether objects of this kind are read (and so must be well formed). */
    static boolean reads(String kind) {
        return kind != null && switch (kind) {
            case "Namespace", "Pod", "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job", "CronJob",
                    "MutatingWebhookConfiguration", "ConfigMap", "Service", "Endpoints", "EndpointSlice", "Secret",
                    "Event" -> true;
            default -> false;
        };
    }

    /** Whether a kind that is read lives in a namespace. */
    static boolean namespaced(String kind) {
        return reads(kind) && !kind.equals("Namespace") && !kind.equals("MutatingWebhookConfiguration");
    }

    private static ResourceKind kindOf(String kind) {
        return switch (kind) {
            case "Deployment" -> ResourceKind.DEPLOYMENT;
            case "StatefulSet" -> ResourceKind.STATEFULSET;
            case "DaemonSet" -> ResourceKind.DAEMONSET;
            case "ReplicaSet" -> ResourceKind.REPLICASET;
            default -> ResourceKind.JOB;
        };
    }

    public Set<String> skippedKinds() {
        return skippedKinds;
    }
}
