package io.injectordoctor.cluster;

import static io.injectordoctor.cluster.Json.at;
import static io.injectordoctor.cluster.Json.items;
import static io.injectordoctor.cluster.Json.text;

import com.fasterxml.jackson.databind.JsonNode;
import io.injectordoctor.mesh.IstioLayout;
import io.injectordoctor.model.Condition;
import io.injectordoctor.model.ConfigMapInfo;
import io.injectordoctor.model.ContainerInfo;
import io.injectordoctor.model.EndpointsInfo;
import io.injectordoctor.model.EventInfo;
import io.injectordoctor.model.LabelSelector;
import io.injectordoctor.model.NamespaceInfo;
import io.injectordoctor.model.ObjectMeta;
import io.injectordoctor.model.OwnerRef;
import io.injectordoctor.model.PodInfo;
import io.injectordoctor.model.PodSpecInfo;
import io.injectordoctor.model.ServiceInfo;
import io.injectordoctor.model.Webhook;
import io.injectordoctor.model.WebhookConfiguration;
import io.injectordoctor.model.WorkloadInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns API objects (as parsed JSON, from a live API server or a dump file alike) into the model.
 * One converter for both sources is what makes a snapshot give the same answers as the cluster.
 */
public final class ObjectConverter {
    private ObjectConverter() {
    }

    public static ObjectMeta meta(JsonNode o) {
        List<OwnerRef> owners = new ArrayList<>();
        for (JsonNode r : items(o, "metadata", "ownerReferences")) {
            owners.add(new OwnerRef(text(r, "kind"), text(r, "name"), text(r, "uid"), Json.bool(r, "controller")));
        }
        return new ObjectMeta(text(o, "metadata", "namespace"), text(o, "metadata", "name"),
                Json.stringMap(o, "metadata", "labels"), Json.stringMap(o, "metadata", "annotations"),
                text(o, "metadata", "uid"), Json.instant(o, "metadata", "creationTimestamp"), owners,
                Json.longValue(o, "metadata", "generation"));
    }

    public static NamespaceInfo namespace(JsonNode o) {
        return new NamespaceInfo(meta(o), injectionLabelledAt(o));
    }

    /** The latest managedFields entry that set an injection label of the namespace. */
    static java.time.Instant injectionLabelledAt(JsonNode o) {
        java.time.Instant latest = null;
        for (JsonNode entry : items(o, "metadata", "managedFields")) {
            JsonNode labels = at(entry, "fieldsV1", "f:metadata", "f:labels");
            if (labels != null && (labels.has("f:istio-injection") || labels.has("f:istio.io/rev"))) {
                java.time.Instant t = Json.instant(entry, "time");
                if (t != null && (latest == null || t.isAfter(latest))) {
                    latest = t;
                }
            }
        }
        return latest;
    }

    static PodSpecInfo podSpec(JsonNode spec) {
        return new PodSpecInfo(Json.bool(spec, "hostNetwork"), containers(spec, "containers"),
                containers(spec, "initContainers"), text(spec, "serviceAccountName"), text(spec, "nodeName"));
    }

    private static List<ContainerInfo> containers(JsonNode spec, String field) {
        List<ContainerInfo> out = new ArrayList<>();
        for (JsonNode c : items(spec, field)) {
            String name = text(c, "name");
            out.add(new ContainerInfo(name, text(c, "image"), text(c, "restartPolicy"), Json.strings(c, "args"),
                    name != null && IstioLayout.INJECTOR_CONTAINERS.contains(name) ? literalEnv(c) : Map.of()));
        }
        return out;
    }

    /** The environment entries with a literal value; those from secrets or fields are not read. */
    private static Map<String, String> literalEnv(JsonNode container) {
        Map<String, String> env = new LinkedHashMap<>();
        for (JsonNode e : items(container, "env")) {
            String name = text(e, "name");
            JsonNode value = e.get("value");
            if (name != null && value != null && value.isValueNode() && !value.isNull()) {
                env.put(name, value.asText());
            }
        }
        return env;
    }

    public static io.injectordoctor.model.NodeInfo node(JsonNode o) {
        return new io.injectordoctor.model.NodeInfo(meta(o), text(o, "status", "nodeInfo", "kubeletVersion"));
    }

    public static PodInfo pod(JsonNode o) {
        boolean ready = false;
        for (JsonNode c : items(o, "status", "conditions")) {
            if ("Ready".equals(text(c, "type"))) {
                ready = "True".equals(text(c, "status"));
            }
        }
        return new PodInfo(meta(o), podSpec(at(o, "spec")), text(o, "status", "phase"), ready);
    }

    /** Deployment, StatefulSet, DaemonSet, ReplicaSet, Job, and CronJob (whose template is one level deeper). */
    public static WorkloadInfo workload(JsonNode o) {
        String kind = text(o, "kind");
        JsonNode spec = at(o, "spec");
        JsonNode template = "CronJob".equals(kind) ? at(spec, "jobTemplate", "spec", "template") : at(spec, "template");
        ObjectMeta templateMeta = template == null ? ObjectMeta.of(null, null) : meta(template);
        JsonNode status = at(o, "status");
        List<Condition> conditions = new ArrayList<>();
        for (JsonNode c : items(status, "conditions")) {
            conditions.add(new Condition(text(c, "type"), text(c, "status"), text(c, "reason"), text(c, "message"),
                    Json.instant(c, "lastTransitionTime")));
        }
        WorkloadInfo.WorkloadStatus ws = new WorkloadInfo.WorkloadStatus(Json.longValue(status, "observedGeneration"),
                Json.integer(status, "replicas"), Json.integer(status, "updatedReplicas"),
                Json.integer(status, "readyReplicas"), Json.integer(status, "availableReplicas"), conditions);
        return new WorkloadInfo(kind, meta(o), templateMeta, podSpec(at(template, "spec")),
                Json.stringMap(spec, "selector", "matchLabels"), Json.integer(spec, "replicas"),
                Json.bool(spec, "paused"), ws);
    }

    /** admissionregistration.k8s.io v1 and v1beta1 share the fields read here. */
    public static WebhookConfiguration webhookConfiguration(JsonNode o) {
        List<Webhook> hooks = new ArrayList<>();
        for (JsonNode h : items(o, "webhooks")) {
            hooks.add(webhook(h));
        }
        return new WebhookConfiguration(text(o, "apiVersion"), meta(o), hooks);
    }

    static Webhook webhook(JsonNode h) {
        List<Webhook.Rule> rules = new ArrayList<>();
        for (JsonNode r : items(h, "rules")) {
            rules.add(new Webhook.Rule(Json.strings(r, "operations"), Json.strings(r, "apiGroups"),
                    Json.strings(r, "apiVersions"), Json.strings(r, "resources"), text(r, "scope")));
        }
        JsonNode cc = at(h, "clientConfig");
        JsonNode svc = at(cc, "service");
        Webhook.ServiceReference ref = svc == null ? null : new Webhook.ServiceReference(text(svc, "namespace"),
                text(svc, "name"), text(svc, "path"), Json.integer(svc, "port"));
        Webhook.ClientConfig clientConfig = new Webhook.ClientConfig(ref, text(cc, "url"), text(cc, "caBundle"));
        Map<String, String> malformed = new LinkedHashMap<>();
        return new Webhook(text(h, "name"), rules, webhookSelector(h, "namespaceSelector", malformed),
                webhookSelector(h, "objectSelector", malformed), clientConfig, text(h, "failurePolicy"),
                text(h, "sideEffects"), Json.integer(h, "timeoutSeconds"), text(h, "reinvocationPolicy"),
                text(h, "matchPolicy"), Json.strings(h, "admissionReviewVersions"), matchConditions(h, malformed),
                malformed);
    }

    /**
     * A hook's selector; one that is present but not an object (or whose parts are not of their
     * type) is recorded in {@code malformed} and read as absent, so that it is reported, not a crash.
     */
    private static LabelSelector webhookSelector(JsonNode h, String field, Map<String, String> malformed) {
        JsonNode s = at(h, field);
        if (s == null) {
            return null;
        }
        if (!s.isObject()) {
            malformed.put(field, kindOf(s) + ", not a label selector");
            return null;
        }
        JsonNode ml = s.get("matchLabels");
        if (ml != null && !ml.isNull() && !ml.isObject()) {
            malformed.put(field + ".matchLabels", kindOf(ml) + ", not a map of labels");
        }
        JsonNode me = s.get("matchExpressions");
        if (me != null && !me.isNull() && (!me.isArray() || !allObjects(me))) {
            malformed.put(field + ".matchExpressions", (me.isArray() ? "a list with an entry that is not an object"
                    : kindOf(me)) + ", not a list of requirements");
        }
        return labelSelector(s, field);
    }

    private static List<Webhook.MatchCondition> matchConditions(JsonNode h, Map<String, String> malformed) {
        JsonNode mc = at(h, "matchConditions");
        List<Webhook.MatchCondition> out = new ArrayList<>();
        if (mc == null) {
            return out;
        }
        if (!mc.isArray() || !allObjects(mc)) {
            malformed.put("matchConditions", (mc.isArray() ? "a list with an entry that is not an object"
                    : kindOf(mc)) + ", not a list of conditions");
            return out;
        }
        for (JsonNode c : mc) {
            out.add(new Webhook.MatchCondition(text(c, "name"), text(c, "expression")));
        }
        return out;
    }

    private static boolean allObjects(JsonNode array) {
        for (JsonNode n : array) {
            if (!n.isObject()) {
                return false;
            }
        }
        return true;
    }

    private static String kindOf(JsonNode n) {
        if (n.isTextual()) {
            return "a string";
        }
        if (n.isArray()) {
            return "a list";
        }
        if (n.isNumber()) {
            return "a number";
        }
        return n.isBoolean() ? "a boolean" : n.isObject() ? "an object" : "a " + n.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    }

    public static ConfigMapInfo configMap(JsonNode o) {
        return new ConfigMapInfo(meta(o), Json.stringMap(o, "data"));
    }

    public static ServiceInfo service(JsonNode o) {
        List<ServiceInfo.Port> ports = new ArrayList<>();
        for (JsonNode p : items(o, "spec", "ports")) {
            Integer port = Json.integer(p, "port");
            String target = text(p, "targetPort");
            ports.add(new ServiceInfo.Port(text(p, "name"), port == null ? 0 : port,
                    target == null && port != null ? String.valueOf(port) : target, text(p, "protocol")));
        }
        return new ServiceInfo(meta(o), Json.stringMap(o, "spec", "selector"), ports);
    }

    public static EndpointsInfo endpoints(JsonNode o) {
        List<EndpointsInfo.Address> addresses = new ArrayList<>();
        List<EndpointsInfo.Port> ports = new ArrayList<>();
        for (JsonNode subset : items(o, "subsets")) {
            for (JsonNode a : items(subset, "addresses")) {
                addresses.add(new EndpointsInfo.Address(text(a, "ip"), true, text(a, "targetRef", "name")));
            }
            for (JsonNode a : items(subset, "notReadyAddresses")) {
                addresses.add(new EndpointsInfo.Address(text(a, "ip"), false, text(a, "targetRef", "name")));
            }
            for (JsonNode p : items(subset, "ports")) {
                ports.add(new EndpointsInfo.Port(text(p, "name"), intOr0(Json.integer(p, "port")), text(p, "protocol")));
            }
        }
        return new EndpointsInfo(EndpointsInfo.ENDPOINTS, meta(o), text(o, "metadata", "name"), addresses, ports);
    }

    public static EndpointsInfo endpointSlice(JsonNode o) {
        List<EndpointsInfo.Address> addresses = new ArrayList<>();
        for (JsonNode e : items(o, "endpoints")) {
            // An absent "ready" means ready (discovery.k8s.io/v1 semantics).
            JsonNode ready = at(e, "conditions", "ready");
            boolean isReady = ready == null || ready.asBoolean();
            for (String ip : Json.strings(e, "addresses")) {
                addresses.add(new EndpointsInfo.Address(ip, isReady, text(e, "targetRef", "name")));
            }
        }
        List<EndpointsInfo.Port> ports = new ArrayList<>();
        for (JsonNode p : items(o, "ports")) {
            ports.add(new EndpointsInfo.Port(text(p, "name"), intOr0(Json.integer(p, "port")), text(p, "protocol")));
        }
        return new EndpointsInfo(EndpointsInfo.ENDPOINT_SLICE, meta(o),
                text(o, "metadata", "labels", "kubernetes.io/service-name"), addresses, ports);
    }

    /**
     * core/v1 events: a deduplicated event keeps its first and last time and a count; one written
     * through events.k8s.io has an eventTime and, once repeated, a series with its own count and last time.
     */
    public static EventInfo event(JsonNode o) {
        java.time.Instant first = firstOf(Json.instant(o, "firstTimestamp"), Json.instant(o, "eventTime"),
                Json.instant(o, "metadata", "creationTimestamp"));
        java.time.Instant last = firstOf(Json.instant(o, "series", "lastObservedTime"), Json.instant(o, "lastTimestamp"),
                first);
        Integer count = Json.integer(o, "series", "count");
        if (count == null) {
            count = Json.integer(o, "count");
        }
        return new EventInfo(meta(o), text(o, "involvedObject", "kind"), text(o, "involvedObject", "namespace"),
                text(o, "involvedObject", "name"), text(o, "type"), text(o, "reason"), text(o, "message"),
                count == null ? 1 : count, first, last);
    }

    private static java.time.Instant firstOf(java.time.Instant... candidates) {
        for (java.time.Instant i : candidates) {
            if (i != null) {
                return i;
            }
        }
        return null;
    }

    /** Reads one LabelSelector from a parsed tree (also used for webhook selectors in manifests). */
    public static LabelSelector labelSelector(JsonNode item, String field) {
        if (item == null || item.isNull()) {
            return new LabelSelector(Map.of(), List.of());
        }
        if (!item.isObject()) {
            throw new IllegalArgumentException("'" + field + "' has an entry that is not a label selector");
        }
        Map<String, String> labels = new LinkedHashMap<>();
        JsonNode ml = item.get("matchLabels");
        if (ml != null && ml.isObject()) {
            for (Map.Entry<String, JsonNode> e : ml.properties()) {
                labels.put(e.getKey(), e.getValue().asText());
            }
        }
        List<LabelSelector.Requirement> reqs = new ArrayList<>();
        JsonNode me = item.get("matchExpressions");
        if (me != null && me.isArray()) {
            for (JsonNode r : me) {
                List<String> values = new ArrayList<>();
                JsonNode vs = r.get("values");
                if (vs != null && vs.isArray()) {
                    vs.forEach(v -> values.add(v.asText()));
                }
                reqs.add(new LabelSelector.Requirement(text(r, "key"), text(r, "operator"), values));
            }
        }
        return new LabelSelector(labels, reqs);
    }

    private static int intOr0(Integer i) {
        return i == null ? 0 : i;
    }
}
