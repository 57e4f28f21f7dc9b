package io.injectordoctor.mesh;

import java.util.Map;
import java.util.Set;

/**
 * What belongs to the mesh itself or to Kubernetes, and is never restarted, deleted or relabelled
 * by the advice the tool prints: the control plane's namespace and Kubernetes' own namespaces;
 * istiod; gateways (the {@code gateway} chart's {@code istio: <name>gateway} label, Gateway API
 * gateways and waypoints, labelled {@code gateway.networking.k8s.io/gateway-name} by
 * {@code files/kube-gateway.yaml} and {@code files/waypoint.yaml}, and {@code gateway.istio.io/managed});
 * ztunnel ({@code manifests/charts/ztunnel/templates/daemonset.yaml}, {@code app: ztunnel}).
 * Restarting these from a diagnosis of one pod risks the whole mesh; restart-injector does the
 * injector safely.
 */
public final class MeshInfrastructure {
    /** Kubernetes' own namespaces (Istio also never injects kube-system and kube-public). */
    private static final Set<String> KUBE_NAMESPACES = Set.of("kube-system", "kube-public", "kube-node-lease");

    private MeshInfrastructure() {
    }

    /** A namespace whose workloads advice never touches: Kubernetes' own, or the control plane's. */
    public static boolean namespace(String namespace, String controlPlaneNamespace) {
        return namespace != null && (KUBE_NAMESPACES.contains(namespace) || namespace.equals(controlPlaneNamespace));
    }

    /** A workload or pod of the mesh itself, by its namespace and labels. */
    public static boolean workload(String namespace, Map<String, String> labels, String controlPlaneNamespace) {
        if (namespace(namespace, controlPlaneNamespace)) {
            return true;
        }
        if (labels.containsKey(IstioLayout.GATEWAY_NAME) || labels.containsKey(IstioLayout.GATEWAY_MANAGED)
                || IstioComponent.of(labels).isPresent()) {
            return true;
        }
        String app = labels.getOrDefault("app", "");
        if (app.equals(IstioLayout.ZTUNNEL_APP) || app.equals(IstioLayout.CNI_NODE)) {
            return true;
        }
        String istio = labels.getOrDefault("istio", "");
        return istio.equals("pilot") || istio.endsWith("gateway");
    }
}
