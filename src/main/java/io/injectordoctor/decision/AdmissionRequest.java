package io.injectordoctor.decision;

/**
 * The attributes of an admission request that a webhook's rules are matched against, as the API
 * server's {@code admission.Attributes} hold them: the operation, the group, version and resource
 * (with its sub-resource) of the request, and its namespace ("" for a cluster-scoped object).
 */
public record AdmissionRequest(String operation, String group, String version, String resource, String subresource,
        String namespace) {
    public AdmissionRequest {
        subresource = subresource == null ? "" : subresource;
        namespace = namespace == null ? "" : namespace;
    }

    /** What the API server admits when a pod is created in a namespace: CREATE of core/v1 pods, no sub-resource. */
    public static AdmissionRequest podCreate(String namespace) {
        return new AdmissionRequest("CREATE", "", "v1", "pods", "", namespace);
    }

    public AdmissionRequest withResource(String g, String v, String r) {
        return new AdmissionRequest(operation, g, v, r, subresource, namespace);
    }

    /** "pods" or "pods/status": how a rule names it. */
    public String resourcePath() {
        return subresource.isEmpty() ? resource : resource + "/" + subresource;
    }
}
