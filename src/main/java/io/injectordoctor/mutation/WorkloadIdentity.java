package io.injectordoctor.mutation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;

/**
 * The names the sidecar is told about its workload: ISTIO_META_WORKLOAD_NAME, ISTIO_META_OWNER and
 * the canonical service labels. For a pod created by a Deployment the workload is the Deployment,
 * found by trimming the pod-template-hash from the ReplicaSet owner, as Istio does.
 */
record WorkloadIdentity(String workloadName, String ownerUri, String canonicalName, String canonicalRevision) {

    static WorkloadIdentity of(PodTemplates.PodTarget target, String namespace) {
        String ns = namespace == null || namespace.isEmpty() ? "default" : namespace;
        JsonNode owner = target.owner();
        String apiVersion;
        String kind;
        String name;
        if (target.isPod()) {
            JsonNode controller = controllerRef(owner.path("metadata"));
            String hash = target.metadata().path("labels").path("pod-template-hash").asText("");
            if (controller != null && controller.path("kind").asText().equals("ReplicaSet") && !hash.isEmpty()
                    && controller.path("name").asText().endsWith("-" + hash)) {
                String rs = controller.path("name").asText();
                apiVersion = "apps/v1";
                kind = "Deployment";
                name = rs.substring(0, rs.length() - hash.length() - 1);
            } else if (controller != null) {
                apiVersion = controller.path("apiVersion").asText("v1");
                kind = controller.path("kind").asText("Pod");
                name = controller.path("name").asText();
            } else {
                apiVersion = owner.path("apiVersion").asText("v1");
                kind = "Pod";
                name = podName(owner.path("metadata"));
            }
        } else {
            apiVersion = owner.path("apiVersion").asText("");
            kind = owner.path("kind").asText();
            name = owner.path("metadata").path("name").asText("");
        }
        String uri = "kubernetes://apis/" + apiVersion + "/namespaces/" + ns + "/"
                + kind.toLowerCase(Locale.ROOT) + "s/" + name;
        JsonNode labels = target.metadata().path("labels");
        String canonicalName = first(labels, name, "service.istio.io/canonical-name", "app.kubernetes.io/name", "app");
        String canonicalRevision = first(labels, "latest",
                "service.istio.io/canonical-revision", "app.kubernetes.io/version", "version");
        return new WorkloadIdentity(name, uri, canonicalName, canonicalRevision);
    }

    private static JsonNode controllerRef(JsonNode metadata) {
        for (JsonNode ref : metadata.path("ownerReferences")) {
            if (ref.path("controller").asBoolean(false)) {
                return ref;
            }
        }
        return null;
    }

    private static String podName(JsonNode metadata) {
        String name = metadata.path("name").asText("");
        if (!name.isEmpty()) {
            return name;
        }
        String generate = metadata.path("generateName").asText("");
        return generate.endsWith("-") ? generate.substring(0, generate.length() - 1) : generate;
    }

    private static String first(JsonNode labels, String fallback, String... keys) {
        for (String k : keys) {
            String v = labels.path(k).asText("");
            if (!v.isEmpty()) {
                return v;
            }
        }
        return fallback;
    }
}
