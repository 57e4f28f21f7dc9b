package io.injectordoctor.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The pods of a generated cluster, as the JSON an API server would send: Deployment-owned pods with
 * the labels, annotations, containers, volumes and status of a real pod (about 3 KB each), so that
 * parsing cost is representative. Namespaces take turns: opt-in by label, opt-in by revision,
 * opted out, unlabelled; a pod carries istio-proxy when its namespace injects, except one in 97
 * whose sidecar is missing, so that a whole-cluster audit has mismatches to report.
 */
public final class GeneratedPods {
    private static final ObjectMapper JSON = new ObjectMapper();

    private GeneratedPods() {
    }

    public static String namespaceName(int i) {
        return "ns-%04d".formatted(i);
    }

    /** The namespace's labels by its position: the four ways a namespace relates to injection. */
    public static Map<String, String> namespaceLabels(int i) {
        return switch (i % 4) {
            case 0 -> Map.of("istio-injection", "enabled");
            case 1 -> Map.of("istio.io/rev", "default");
            case 2 -> Map.of("istio-injection", "disabled");
            default -> Map.of();
        };
    }

    static boolean injects(int namespaceIndex) {
        return namespaceIndex % 4 < 2;
    }

    /** Keyed by "namespace/name" so that the store can serve a namespace's pods as a sub-map, in a stable order. */
    public static NavigableMap<String, String> generate(int pods, int namespaces) {
        NavigableMap<String, String> out = new TreeMap<>();
        for (int i = 0; i < pods; i++) {
            int ns = i % namespaces;
            ObjectNode pod = pod(i, ns);
            out.put(namespaceName(ns) + "/" + pod.path("metadata").path("name").asText(), pod.toString());
        }
        return out;
    }

    /** The name of the {@code i}-th pod; the same formula as {@link #generate}. */
    public static String podName(int i) {
        String hash = Integer.toHexString(0x5d8f7c9 + (i / 7) % 4096);
        return "web-%d-%s-%05x".formatted(i / 7, hash, (i * 7919) & 0xfffff);
    }

    public static ObjectNode pod(int i, int ns) {
        String name = podName(i);
        String app = "web-" + (i / 7);
        String rs = name.substring(0, name.lastIndexOf('-'));
        boolean proxy = injects(ns) && i % 97 != 0;
        ObjectNode pod = JSON.createObjectNode().put("apiVersion", "v1").put("kind", "Pod");
        ObjectNode meta = pod.putObject("metadata");
        meta.put("name", name).put("generateName", rs + "-").put("namespace", namespaceName(ns))
                .put("uid", uid(i)).put("resourceVersion", String.valueOf(100_000 + i))
                .put("creationTimestamp", "2026-11-01T10:00:00Z");
        ObjectNode labels = meta.putObject("labels");
        labels.put("app", app).put("version", "v1").put("pod-template-hash", rs.substring(rs.lastIndexOf('-') + 1));
        ObjectNode ann = meta.putObject("annotations");
        ann.put("kubectl.kubernetes.io/default-container", "app").put("prometheus.io/scrape", "true")
                .put("prometheus.io/port", "15020");
        if (proxy) {
            labels.put("security.istio.io/tlsMode", "istio").put("service.istio.io/canonical-name", app)
                    .put("service.istio.io/canonical-revision", "v1");
            ann.put("istio.io/rev", "default").put("sidecar.istio.io/status",
                    "{\"initContainers\":[\"istio-init\"],\"containers\":[\"istio-proxy\"],\"volumes\":[\"istio-envoy\","
                            + "\"istio-data\",\"istio-podinfo\",\"istio-token\",\"istiod-ca-cert\"],\"revision\":\"default\"}");
        }
        meta.putArray("ownerReferences").addObject().put("apiVersion", "apps/v1").put("kind", "ReplicaSet")
                .put("name", rs).put("uid", uid(i / 7 + 1_000_000)).put("controller", true).put("blockOwnerDeletion", true);
        ObjectNode spec = pod.putObject("spec");
        ArrayNode containers = spec.putArray("containers");
        container(containers.addObject(), "app", "registry.example.com/shop/" + app + ":1.4." + (i % 10), 8080);
        if (proxy) {
            container(containers.addObject(), "istio-proxy", "docker.io/istio/proxyv2:1.27.1", 15090);
            container(spec.putArray("initContainers").addObject(), "istio-init", "docker.io/istio/proxyv2:1.27.1", 0);
        }
        ArrayNode volumes = spec.putArray("volumes");
        volumes.addObject().put("name", "kube-api-access").putObject("projected").put("defaultMode", 420);
        volumes.addObject().put("name", "config").putObject("configMap").put("name", app + "-config");
        spec.put("serviceAccountName", app).put("nodeName", "node-" + (i % 40)).put("restartPolicy", "Always")
                .put("dnsPolicy", "ClusterFirst").put("schedulerName", "default-scheduler")
                .put("terminationGracePeriodSeconds", 30).put("priority", 0).put("enableServiceLinks", true);
        ArrayNode tolerations = spec.putArray("tolerations");
        for (String t : new String[] {"node.kubernetes.io/not-ready", "node.kubernetes.io/unreachable"}) {
            tolerations.addObject().put("key", t).put("operator", "Exists").put("effect", "NoExecute")
                    .put("tolerationSeconds", 300);
        }
        ObjectNode status = pod.putObject("status");
        status.put("phase", "Running").put("hostIP", "10.0.0." + (i % 40)).put("podIP", "10.244." + (i / 250 % 256)
                + "." + (i % 250)).put("qosClass", "Burstable").put("startTime", "2026-11-01T10:00:01Z");
        ArrayNode conditions = status.putArray("conditions");
        for (String c : new String[] {"PodReadyToStartContainers", "Initialized", "Ready", "ContainersReady", "PodScheduled"}) {
            conditions.addObject().put("type", c).put("status", "True").put("lastTransitionTime", "2026-11-01T10:00:05Z");
        }
        ArrayNode cs = status.putArray("containerStatuses");
        for (var c : containers) {
            cs.addObject().put("name", c.path("name").asText()).put("image", c.path("image").asText())
                    .put("imageID", "sha256:" + "0123456789abcdef".repeat(4)).put("ready", true).put("restartCount", 0)
                    .put("started", true).put("containerID", "containerd://" + uid(i).replace("-", ""))
                    .putObject("state").putObject("running").put("startedAt", "2026-11-01T10:00:04Z");
        }
        return pod;
    }

    private static void container(ObjectNode c, String name, String image, int port) {
        c.put("name", name).put("image", image).put("imagePullPolicy", "IfNotPresent");
        if (port > 0) {
            c.putArray("ports").addObject().put("containerPort", port).put("protocol", "TCP").put("name", "http");
        }
        ObjectNode res = c.putObject("resources");
        res.putObject("requests").put("cpu", "100m").put("memory", "128Mi");
        res.putObject("limits").put("memory", "256Mi");
        c.putArray("env").addObject().put("name", "POD_NAME").putObject("valueFrom").putObject("fieldRef")
                .put("apiVersion", "v1").put("fieldPath", "metadata.name");
        c.putArray("volumeMounts").addObject().put("name", "kube-api-access").put("readOnly", true)
                .put("mountPath", "/var/run/secrets/kubernetes.io/serviceaccount");
        c.put("terminationMessagePath", "/dev/termination-log").put("terminationMessagePolicy", "File");
    }

    private static String uid(int i) {
        return "%08x-1b2c-4d5e-8f90-%012x".formatted(i, (long) i * 2654435761L & 0xffffffffffffL);
    }
}
