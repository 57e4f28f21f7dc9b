package io.injectordoctor.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;

/**
 * The discovery documents of the demo API server. kubectl reads {@code /api}, {@code /apis} and one
 * resource list per group version before any request, and refuses to work without them; the CRUD
 * store of the mock server knows nothing about them.
 */
final class ApiDiscovery {
    private static final List<String> VERBS =
            List.of("create", "delete", "deletecollection", "get", "list", "patch", "update", "watch");

    record Resource(String plural, String singular, String kind, boolean namespaced,
            List<String> shortNames, boolean inAll) {
    }

    record GroupVersion(String group, String version, List<Resource> resources) {
        String path() {
            return group.isEmpty() ? "/api/" + version : "/apis/" + group + "/" + version;
        }

        String groupVersion() {
            return group.isEmpty() ? version : group + "/" + version;
        }
    }

    static final List<GroupVersion> SERVED = List.of(
            new GroupVersion("", "v1", List.of(
                    new Resource("pods", "pod", "Pod", true, List.of("po"), true),
                    new Resource("namespaces", "namespace", "Namespace", false, List.of("ns"), false),
                    new Resource("services", "service", "Service", true, List.of("svc"), true),
                    new Resource("endpoints", "endpoints", "Endpoints", true, List.of("ep"), false),
                    new Resource("configmaps", "configmap", "ConfigMap", true, List.of("cm"), false),
                    new Resource("secrets", "secret", "Secret", true, List.of(), false),
                    new Resource("events", "event", "Event", true, List.of("ev"), false),
                    new Resource("serviceaccounts", "serviceaccount", "ServiceAccount", true, List.of("sa"), false),
                    new Resource("nodes", "node", "Node", false, List.of("no"), false))),
            new GroupVersion("apps", "v1", List.of(
                    new Resource("deployments", "deployment", "Deployment", true, List.of("deploy"), true),
                    new Resource("replicasets", "replicaset", "ReplicaSet", true, List.of("rs"), true),
                    new Resource("statefulsets", "statefulset", "StatefulSet", true, List.of("sts"), true),
                    new Resource("daemonsets", "daemonset", "DaemonSet", true, List.of("ds"), true))),
            new GroupVersion("batch", "v1", List.of(
                    new Resource("jobs", "job", "Job", true, List.of(), true),
                    new Resource("cronjobs", "cronjob", "CronJob", true, List.of("cj"), true))),
            new GroupVersion("admissionregistration.k8s.io", "v1", List.of(
                    new Resource("mutatingwebhookconfigurations", "mutatingwebhookconfiguration",
                            "MutatingWebhookConfiguration", false, List.of(), false),
                    new Resource("validatingwebhookconfigurations", "validatingwebhookconfiguration",
                            "ValidatingWebhookConfiguration", false, List.of(), false))),
            new GroupVersion("discovery.k8s.io", "v1", List.of(
                    new Resource("endpointslices", "endpointslice", "EndpointSlice", true, List.of(), false))),
            new GroupVersion("events.k8s.io", "v1", List.of(
                    new Resource("events", "event", "Event", true, List.of("ev"), false))),
            // Istio's gateway controller deploys waypoints and gateways from these (not read by the tool).
            new GroupVersion("gateway.networking.k8s.io", "v1", List.of(
                    new Resource("gateways", "gateway", "Gateway", true, List.of("gtw"), false),
                    new Resource("gatewayclasses", "gatewayclass", "GatewayClass", false, List.of("gc"), false))));

    private final ObjectMapper json;
    private final String serverAddress;

    ApiDiscovery(ObjectMapper json, String serverAddress) {
        this.json = json;
        this.serverAddress = serverAddress;
    }

    /** The document served at {@code path} (no query string), or empty when it is not a discovery path. */
    Optional<ObjectNode> document(String path) {
        if (path.equals("/api")) {
            return Optional.of(apiVersions());
        }
        if (path.equals("/apis")) {
            return Optional.of(groupList());
        }
        for (GroupVersion gv : SERVED) {
            if (path.equals(gv.path())) {
                return Optional.of(resourceList(gv));
            }
            if (!gv.group().isEmpty() && path.equals("/apis/" + gv.group())) {
                return Optional.of(group(gv));
            }
        }
        return Optional.empty();
    }

    /** True for paths that only discovery answers: anything else under them is an object path. */
    static boolean isDiscoveryRoot(String path) {
        return path.equals("/api") || path.equals("/apis") || path.startsWith("/openapi/")
                || path.matches("/apis/[^/]+(/[^/]+)?") || path.matches("/api/[^/]+");
    }

    private ObjectNode apiVersions() {
        ObjectNode doc = json.createObjectNode().put("kind", "APIVersions");
        doc.putArray("versions").add("v1");
        doc.putArray("serverAddressByClientCIDRs").addObject()
                .put("clientCIDR", "0.0.0.0/0").put("serverAddress", serverAddress);
        return doc;
    }

    private ObjectNode groupList() {
        ObjectNode doc = json.createObjectNode().put("kind", "APIGroupList").put("apiVersion", "v1");
        ArrayNode groups = doc.putArray("groups");
        for (GroupVersion gv : SERVED) {
            if (!gv.group().isEmpty()) {
                groups.add(groupBody(gv));
            }
        }
        return doc;
    }

    private ObjectNode group(GroupVersion gv) {
        return groupBody(gv).put("kind", "APIGroup").put("apiVersion", "v1");
    }

    private ObjectNode groupBody(GroupVersion gv) {
        ObjectNode g = json.createObjectNode().put("name", gv.group());
        ObjectNode version = json.createObjectNode().put("groupVersion", gv.groupVersion()).put("version", gv.version());
        g.putArray("versions").add(version);
        g.set("preferredVersion", version.deepCopy());
        return g;
    }

    private ObjectNode resourceList(GroupVersion gv) {
        ObjectNode doc = json.createObjectNode().put("kind", "APIResourceList").put("apiVersion", "v1")
                .put("groupVersion", gv.groupVersion());
        ArrayNode resources = doc.putArray("resources");
        for (Resource r : gv.resources()) {
            ObjectNode node = resources.addObject().put("name", r.plural()).put("singularName", r.singular())
                    .put("namespaced", r.namespaced()).put("kind", r.kind());
            VERBS.forEach(node.putArray("verbs")::add);
            if (!r.shortNames().isEmpty()) {
                r.shortNames().forEach(node.putArray("shortNames")::add);
            }
            if (r.inAll()) {
                node.putArray("categories").add("all");
            }
        }
        return doc;
    }
}
