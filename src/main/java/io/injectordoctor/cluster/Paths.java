package io.injectordoctor.cluster;

import io.injectordoctor.DoctorException;
import io.injectordoctor.ExitCode;

/**
 * REST paths of the kinds a diagnosis reads. Every name and namespace is checked against
 * Kubernetes' rules here, the one place paths are made, so nothing but a name reaches a URL
 * ("../../x" or "a?labelSelector=..." is refused as a usage error).
 */
public final class Paths {
    private Paths() {
    }

    static String prefix(ResourceKind k) {
        return switch (k) {
            case DEPLOYMENT, STATEFULSET, DAEMONSET, REPLICASET -> "/apis/apps/v1";
            case JOB -> "/apis/batch/v1";
            case MUTATING_WEBHOOK_CONFIGURATION -> "/apis/admissionregistration.k8s.io/v1";
            case ENDPOINTSLICE -> "/apis/discovery.k8s.io/v1";
            default -> "/api/v1";
        };
    }

    /** The collection's path: cluster-wide for a cluster-scoped kind or a null namespace. */
    public static String collection(ResourceKind k, String namespace) {
        if (namespace != null && k.namespaced()) {
            String problem = Names.namespaceProblem(namespace);
            if (problem != null) {
                throw new DoctorException(ExitCode.USAGE, problem);
            }
        }
        if (!k.namespaced() || namespace == null) {
            return prefix(k) + "/" + k.resource();
        }
        return prefix(k) + "/namespaces/" + namespace + "/" + k.resource();
    }

    static String item(ResourceKind k, String namespace, String name) {
        String problem = k == ResourceKind.NAMESPACE ? Names.namespaceProblem(name)
                : Names.objectNameProblem(kindName(k).toLowerCase(java.util.Locale.ROOT), name);
        if (problem != null) {
            throw new DoctorException(ExitCode.USAGE, problem);
        }
        return collection(k, namespace) + "/" + name;
    }

    static String kindName(ResourceKind k) {
        return switch (k) {
            case NAMESPACE -> "Namespace";
            case POD -> "Pod";
            case DEPLOYMENT -> "Deployment";
            case STATEFULSET -> "StatefulSet";
            case DAEMONSET -> "DaemonSet";
            case REPLICASET -> "ReplicaSet";
            case JOB -> "Job";
            case MUTATING_WEBHOOK_CONFIGURATION -> "MutatingWebhookConfiguration";
            case CONFIGMAP -> "ConfigMap";
            case SERVICE -> "Service";
            case ENDPOINTS -> "Endpoints";
            case ENDPOINTSLICE -> "EndpointSlice";
            case SECRET -> "Secret";
            case EVENT -> "Event";
            case NODE -> "Node";
        };
    }
}
