package io.injectordoctor.mutation;

import io.injectordoctor.mesh.IstioLayout;
import static io.injectordoctor.mutation.Nodes.arr;
import static io.injectordoctor.mutation.Nodes.env;
import static io.injectordoctor.mutation.Nodes.envField;
import static io.injectordoctor.mutation.Nodes.envResource;
import static io.injectordoctor.mutation.Nodes.obj;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The containers of Istio's {@code sidecar} template, with its default values: istio-init (or
 * istio-validation with CNI) and istio-proxy. Per-pod annotations that tune them (resources, log
 * levels, interception ports) are not applied; see docs/inject.md.
 */
final class SidecarContainers {
    static final String INIT = "istio-init";
    static final String VALIDATION = "istio-validation";
    static final String PROXY = IstioLayout.PROXY_CONTAINER;
    static final String STATUS_PORT = "15020";

    private SidecarContainers() {
    }

    /** istio-init: sets up the iptables redirection before any other container starts. */
    static ObjectNode init(String image) {
        return obj("args", redirectArgs(false), "image", image, "name", INIT, "resources", resources(),
                "securityContext", obj(
                        "allowPrivilegeEscalation", false,
                        "capabilities", obj("add", arr("NET_ADMIN", "NET_RAW"), "drop", arr("ALL")),
                        "privileged", false, "readOnlyRootFilesystem", false,
                        "runAsGroup", 0, "runAsNonRoot", false, "runAsUser", 0));
    }

    /** istio-validation: with CNI the plugin redirects traffic; this only checks that it did. */
    static ObjectNode validation(String image) {
        return obj("args", redirectArgs(true), "image", image, "name", VALIDATION, "resources", resources(),
                "securityContext", proxySecurityContext());
    }

    private static JsonNode redirectArgs(boolean validate) {
        List<Object> a = new ArrayList<>(List.of("istio-iptables", "-p", "15001", "-z", "15006", "-u", "1337",
                "-m", "REDIRECT", "-i", "*", "-x", "", "-b", "*", "-d", "15090,15021," + STATUS_PORT));
        if (validate) {
            a.add("--run-validation");
            a.add("--skip-rule-apply");
        }
        a.add("--log_output_level=default:info");
        return arr(a.toArray());
    }

    /**
     * istio-proxy. As a native sidecar it is an init container with {@code restartPolicy: Always},
     * so it starts before and stops after the application containers.
     */
    static ObjectNode proxy(String image, boolean nativeSidecar, ObjectNode spec, WorkloadIdentity id,
            InjectionSettings s) {
        String istiod = IstioLayout.istiodDeployment(s.revision());
        ObjectNode c = obj(
                "args", arr("proxy", "sidecar", "--domain", "$(POD_NAMESPACE).svc.cluster.local",
                        "--proxyLogLevel=warning", "--proxyComponentLogLevel=misc:error",
                        "--log_output_level=default:info"),
                "env", arr(
                        env("PILOT_CERT_PROVIDER", "istiod"),
                        env("CA_ADDR", istiod + "." + s.istioNamespace() + ".svc:15012"),
                        envField("POD_NAME", "metadata.name"),
                        envField("POD_NAMESPACE", "metadata.namespace"),
                        envField("INSTANCE_IP", "status.podIP"),
                        envField("SERVICE_ACCOUNT", "spec.serviceAccountName"),
                        envField("HOST_IP", "status.hostIP"),
                        envResource("ISTIO_CPU_LIMIT", "limits.cpu"),
                        env("PROXY_CONFIG", "{}\n"),
                        env("ISTIO_META_POD_PORTS", podPorts(spec)),
                        env("ISTIO_META_APP_CONTAINERS", appContainers(spec)),
                        envResource("GOMEMLIMIT", "limits.memory"),
                        env("ISTIO_META_CLUSTER_ID", "Kubernetes"),
                        envField("ISTIO_META_NODE_NAME", "spec.nodeName"),
                        env("ISTIO_META_INTERCEPTION_MODE", "REDIRECT"),
                        env("ISTIO_META_WORKLOAD_NAME", id.workloadName()),
                        env("ISTIO_META_OWNER", id.ownerUri()),
                        env("ISTIO_META_MESH_ID", "cluster.local"),
                        env("TRUST_DOMAIN", "cluster.local")),
                "image", image,
                "lifecycle", obj("preStop", obj("exec", obj("command",
                        arr("pilot-agent", "request", "--debug-port=" + STATUS_PORT, "POST", "drain")))),
                "name", PROXY,
                "ports", arr(obj("containerPort", 15090, "name", "http-envoy-prom", "protocol", "TCP")),
                "readinessProbe", obj("failureThreshold", 4, "httpGet", readyz(), "periodSeconds", 15,
                        "timeoutSeconds", 3),
                "resources", resources());
        if (nativeSidecar) {
            c.put("restartPolicy", "Always");
        }
        c.set("securityContext", proxySecurityContext());
        c.set("startupProbe", obj("failureThreshold", 600, "httpGet", readyz(), "periodSeconds", 1,
                "timeoutSeconds", 3));
        c.set("volumeMounts", arr(
                mount("/var/run/secrets/workload-spiffe-uds", "workload-socket"),
                mount("/var/run/secrets/credential-uds", "credential-socket"),
                mount("/var/run/secrets/workload-spiffe-credentials", "workload-certs"),
                mount("/var/run/secrets/istio", "istiod-ca-cert"),
                mount("/var/run/secrets/istio/crl", "istio-ca-crl"),
                mount("/var/lib/istio/data", "istio-data"),
                mount("/etc/istio/proxy", "istio-envoy"),
                mount("/var/run/secrets/tokens", "istio-token"),
                mount("/etc/istio/pod", "istio-podinfo")));
        return c;
    }

    private static ObjectNode readyz() {
        return obj("path", "/healthz/ready", "port", 15021);
    }

    private static ObjectNode mount(String path, String name) {
        return obj("mountPath", path, "name", name);
    }

    private static ObjectNode resources() {
        return obj("limits", obj("cpu", "2", "memory", "1Gi"), "requests", obj("cpu", "100m", "memory", "128Mi"));
    }

    private static ObjectNode proxySecurityContext() {
        return obj("allowPrivilegeEscalation", false, "capabilities", obj("drop", arr("ALL")),
                "privileged", false, "readOnlyRootFilesystem", true,
                "runAsGroup", 1337, "runAsNonRoot", true, "runAsUser", 1337);
    }

    /** The application's ports, laid out as Istio's template prints them (one JSON object a line). */
    static String podPorts(ObjectNode spec) {
        StringBuilder sb = new StringBuilder("[");
        boolean first = true;
        for (JsonNode c : spec.path("containers")) {
            for (JsonNode p : c.path("ports")) {
                ObjectNode port = obj();
                // Go's corev1.ContainerPort field order, empty fields omitted
                for (String f : List.of("name", "hostPort", "containerPort", "protocol", "hostIP")) {
                    JsonNode v = p.get(f);
                    if (v != null && !v.isNull() && !(v.isTextual() && v.asText().isEmpty())
                            && !(v.isNumber() && v.asInt() == 0)) {
                        port.set(f, v);
                    }
                }
                sb.append("\n    ").append(first ? "" : ",").append(port);
                first = false;
            }
        }
        return sb.append("\n]").toString();
    }

    static String appContainers(ObjectNode spec) {
        List<String> names = new ArrayList<>();
        for (JsonNode c : spec.path("containers")) {
            if (!c.path("name").asText().equals(PROXY)) {
                names.add(c.path("name").asText());
            }
        }
        return String.join(",", names);
    }
}
