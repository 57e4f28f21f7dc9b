package io.injectordoctor.cluster;

/** The kinds a diagnosis may read, with the API coordinates used in permission messages. */
public enum ResourceKind {
    NAMESPACE("", "namespaces", false),
    POD("", "pods", true),
    DEPLOYMENT("apps", "deployments", true),
    STATEFULSET("apps", "statefulsets", true),
    DAEMONSET("apps", "daemonsets", true),
    REPLICASET("apps", "replicasets", true),
    JOB("batch", "jobs", true),
    MUTATING_WEBHOOK_CONFIGURATION("admissionregistration.k8s.io", "mutatingwebhookconfigurations", false),
    CONFIGMAP("", "configmaps", true),
    SERVICE("", "services", true),
    ENDPOINTS("", "endpoints", true),
    ENDPOINTSLICE("discovery.k8s.io", "endpointslices", true),
    SECRET("", "secrets", true),
    EVENT("", "events", true),
    /** Kubelet versions decide whether istiod injects native sidecars; optional: refused, it is said unknown. */
    NODE("", "nodes", false);

    private final String group;
    private final String resource;
    private final boolean namespaced;

    ResourceKind(String group, String resource, boolean namespaced) {
        this.group = group;
        this.resource = resource;
        this.namespaced = namespaced;
    }

    public String group() {
        return group;
    }

    public String resource() {
        return resource;
    }

    public boolean namespaced() {
        return namespaced;
    }

    /** The kind whose resource name ({@code pods}, {@code deployments}) this is. */
    public static java.util.Optional<ResourceKind> ofResource(String resource) {
        for (ResourceKind k : values()) {
            if (k.resource.equals(resource)) {
                return java.util.Optional.of(k);
            }
        }
        return java.util.Optional.empty();
    }

    /** "deployments.apps" or "pods", as kubectl auth can-i spells it. */
    public String qualifiedResource() {
        return group.isEmpty() ? resource : resource + "." + group;
    }
}
