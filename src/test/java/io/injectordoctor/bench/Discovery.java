package io.injectordoctor.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * The discovery documents kubectl reads before it can resolve "pod", "namespace",
 * "mutatingwebhookconfiguration" or "configmap" to a path; only the groups the runbook touches.
 */
final class Discovery {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> DOCUMENTS = build();

    private Discovery() {
    }

    /** The document served at {@code path}, or null when the path is not a discovery path. */
    static String document(String path) {
        return DOCUMENTS.get(path);
    }

    private static Map<String, String> build() {
        ObjectNode api = JSON.createObjectNode().put("kind", "APIVersions");
        api.putArray("versions").add("v1");
        api.putArray("serverAddressByClientCIDRs").addObject().put("clientCIDR", "0.0.0.0/0")
                .put("serverAddress", "127.0.0.1:6443");

        ObjectNode core = resourceList("v1");
        ArrayNode cr = core.putArray("resources");
        BenchDispatcher.resource(cr, "pods", "Pod", true, "po");
        BenchDispatcher.resource(cr, "namespaces", "Namespace", false, "ns");
        BenchDispatcher.resource(cr, "configmaps", "ConfigMap", true, "cm");
        BenchDispatcher.resource(cr, "services", "Service", true, "svc");
        BenchDispatcher.resource(cr, "endpoints", "Endpoints", true, "ep");
        BenchDispatcher.resource(cr, "secrets", "Secret", true);
        BenchDispatcher.resource(cr, "events", "Event", true, "ev");

        ObjectNode apps = resourceList("apps/v1");
        ArrayNode ar = apps.putArray("resources");
        BenchDispatcher.resource(ar, "deployments", "Deployment", true, "deploy");
        BenchDispatcher.resource(ar, "replicasets", "ReplicaSet", true, "rs");
        BenchDispatcher.resource(ar, "statefulsets", "StatefulSet", true, "sts");
        BenchDispatcher.resource(ar, "daemonsets", "DaemonSet", true, "ds");

        ObjectNode adm = resourceList("admissionregistration.k8s.io/v1");
        BenchDispatcher.resource(adm.putArray("resources"), "mutatingwebhookconfigurations",
                "MutatingWebhookConfiguration", false);

        ObjectNode groups = JSON.createObjectNode().put("kind", "APIGroupList").put("apiVersion", "v1");
        ArrayNode g = groups.putArray("groups");
        group(g, "apps", "v1");
        group(g, "admissionregistration.k8s.io", "v1");

        ObjectNode version = JSON.createObjectNode().put("major", "1").put("minor", "31").put("gitVersion", "v1.31.0")
                .put("platform", "linux/amd64");
        return Map.of("/api", api.toString(), "/api/v1", core.toString(), "/apis", groups.toString(),
                "/apis/apps/v1", apps.toString(), "/apis/admissionregistration.k8s.io/v1", adm.toString(),
                "/version", version.toString());
    }

    private static ObjectNode resourceList(String groupVersion) {
        return JSON.createObjectNode().put("kind", "APIResourceList").put("apiVersion", "v1")
                .put("groupVersion", groupVersion);
    }

    private static void group(ArrayNode groups, String name, String version) {
        ObjectNode g = groups.addObject().put("name", name);
        ObjectNode v = JSON.createObjectNode().put("groupVersion", name + "/" + version).put("version", version);
        g.putArray("versions").add(v);
        g.set("preferredVersion", v.deepCopy());
    }
}
