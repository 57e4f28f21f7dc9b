package io.injectordoctor.mesh;

import java.util.Locale;
import java.util.Map;

/**
 * Who carries a pod's traffic: an injected proxy in the pod ({@code sidecar}), ztunnel on its
 * node ({@code ambient}), or nobody. The capture rule is istio-cni's: its default enablement
 * selectors (istio-cni chart values.yaml {@code ambient.enablementSelectors}) take a pod labelled
 * {@code istio.io/dataplane-mode=ambient} in any namespace, and any pod of a namespace so labelled
 * unless the pod says {@code none}; a pod that carries {@code sidecar.istio.io/status} is never taken
 * (cni/pkg/util/enablement_selector.go {@code Matches}, podutil.go {@code podHasSidecar}); kube-system
 * is excluded (values.yaml {@code excludeNamespaces}). Whether the CNI did take it is its annotation
 * {@code ambient.istio.io/redirection=enabled} (podutil.go {@code PodFullyEnrolled}).
 */
public enum Dataplane {
    SIDECAR, AMBIENT, NONE;

    /** Namespaces istio-cni never captures in its default values. */
    public static final String CNI_EXCLUDED_NAMESPACE = "kube-system";

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Whether istio-cni's default selectors ask for the pod to be captured by ztunnel (its intent,
     * not whether it was): ambient by pod or namespace label, not opted out, no sidecar status.
     */
    public static boolean selectedForAmbient(String namespace, Map<String, String> namespaceLabels,
            Map<String, String> podLabels, Map<String, String> podAnnotations) {
        return !podAnnotations.containsKey(IstioLayout.STATUS_ANNOTATION) && asksForAmbient(namespace, namespaceLabels, podLabels);
    }

    /** The labels ask for ambient (by pod, or by namespace without the pod's {@code none}), whatever the pod runs. */
    public static boolean asksForAmbient(String namespace, Map<String, String> namespaceLabels, Map<String, String> podLabels) {
        if (CNI_EXCLUDED_NAMESPACE.equals(namespace)) {
            return false;
        }
        if (IstioLayout.asksForAmbient(podLabels)) {
            return true;
        }
        return IstioLayout.asksForAmbient(namespaceLabels)
                && !IstioLayout.DATAPLANE_NONE.equals(podLabels.get(IstioLayout.DATAPLANE_MODE));
    }

    /** The CNI's record on the pod: ztunnel captures its traffic. */
    public static boolean captured(Map<String, String> podAnnotations) {
        return IstioLayout.REDIRECTION_ENABLED.equals(podAnnotations.get(IstioLayout.AMBIENT_REDIRECTION));
    }

    /** Partially captured: no ztunnel has accepted the pod yet, and its traffic is blocked (constants.go). */
    public static boolean pending(Map<String, String> podAnnotations) {
        return IstioLayout.REDIRECTION_PENDING.equals(podAnnotations.get(IstioLayout.AMBIENT_REDIRECTION));
    }
}
