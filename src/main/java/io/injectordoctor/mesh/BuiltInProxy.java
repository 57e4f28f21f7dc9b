package io.injectordoctor.mesh;

import java.util.Map;
import java.util.Optional;

/**
 * The proxies Istio builds into a workload and never injects, each recognised from what its chart or
 * controller writes on the pod. They carry {@code sidecar.istio.io/inject: "false"}, so no hook sends
 * them to the injector, and a container named {@code istio-proxy} that is theirs by design.
 */
public enum BuiltInProxy {
    /**
     * The ztunnel DaemonSet of the ambient data plane: pod label {@code app: ztunnel}
     * (manifests/charts/ztunnel/templates/daemonset.yaml; cni/pkg/util/podutil.go IsZtunnelPod).
     */
    ZTUNNEL("ztunnel", "the ztunnel DaemonSet (ztunnel chart)", null),
    /**
     * A waypoint deployed by istiod for a Gateway of class istio-waypoint: pod label
     * {@code gateway.istio.io/managed: istio.io-mesh-controller} (files/waypoint.yaml; constants.go
     * ManagedGatewayMeshControllerLabel).
     */
    WAYPOINT("waypoint", "a waypoint deployed by istiod's gateway controller (Gateway of class istio-waypoint)",
            "istio.io-mesh-controller"),
    /**
     * A Gateway API gateway of class istio deployed by istiod: {@code gateway.istio.io/managed:
     * istio.io-gateway-controller} (files/kube-gateway.yaml; constants.go ManagedGatewayControllerLabel).
     */
    GATEWAY_API("gateway-api", "a Gateway API gateway deployed by istiod's gateway controller (class istio)",
            "istio.io-gateway-controller"),
    /**
     * An ambient east-west gateway of class istio-east-west: {@code gateway.istio.io/managed:
     * istio.io-eastwest-controller} (constants.go ManagedGatewayEastWestControllerLabel; rendered with waypoint.yaml).
     */
    EAST_WEST_GATEWAY("east-west-gateway", "an east-west gateway deployed by istiod's gateway controller (class istio-east-west)",
            "istio.io-eastwest-controller"),
    /**
     * A gateway of the legacy istioctl/operator charts (manifests/charts/gateways/istio-ingress and
     * istio-egress): a real proxy image, {@code sidecar.istio.io/inject: "false"} and
     * {@code operator.istio.io/component} on the pod.
     */
    LEGACY_GATEWAY("legacy-gateway", "a gateway of the istioctl/operator gateway charts", null);

    private final String word;
    private final String description;
    private final String managedLabel;

    BuiltInProxy(String word, String description, String managedLabel) {
        this.word = word;
        this.description = description;
        this.managedLabel = managedLabel;
    }

    public String word() {
        return word;
    }

    public String describe() {
        return description;
    }

    /** Whether istiod's gateway controller deploys and owns it: restarting or editing it fights the controller. */
    public boolean managedByIstiod() {
        return managedLabel != null;
    }

    /** The proxy istiod's gateway controller deployed, from the pod's {@code gateway.istio.io/managed} label. */
    public static Optional<BuiltInProxy> ofManagedLabel(Map<String, String> labels) {
        String v = labels.get(IstioLayout.GATEWAY_MANAGED);
        for (BuiltInProxy p : values()) {
            if (p.managedLabel != null && p.managedLabel.equals(v)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
