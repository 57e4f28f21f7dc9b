package io.injectordoctor.mesh;

import java.util.Map;
import java.util.Optional;

/**
 * Istio's own pods that run no proxy and are never injected: the control plane and the CNI agent.
 * Advice never relabels or restarts them to change an injection verdict (restart-injector aside).
 */
public enum IstioComponent {
    /** istiod: pod label {@code app: istiod} (istio-discovery chart deployment.yaml). */
    ISTIOD("istiod, the control plane"),
    /** The istio-cni node agent: pod label {@code k8s-app: istio-cni-node} (istio-cni chart daemonset.yaml). */
    ISTIO_CNI("the istio-cni node agent (DaemonSet istio-cni-node)");

    private final String description;

    IstioComponent(String description) {
        this.description = description;
    }

    public String describe() {
        return description;
    }

    public static Optional<IstioComponent> of(Map<String, String> podLabels) {
        if (IstioLayout.ISTIOD.equals(podLabels.get("app"))) {
            return Optional.of(ISTIOD);
        }
        return IstioLayout.CNI_NODE.equals(podLabels.get("k8s-app")) ? Optional.of(ISTIO_CNI) : Optional.empty();
    }
}
