package io.injectordoctor.explain;

import io.injectordoctor.cluster.ClusterSnapshot;
import io.injectordoctor.decision.Decision;
import io.injectordoctor.mesh.IstioLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What a namespace's data plane means for the pods created there. */
final class NamespaceNotes {
    private NamespaceNotes() {
    }

    static List<String> of(String ns, ClusterSnapshot s, Decision newPod) {
        Map<String, String> labels = s.namespace(ns).map(n -> n.meta().labels()).orElse(Map.of());
        List<String> out = new ArrayList<>();
        if (!IstioLayout.asksForAmbient(labels)) {
            return out;
        }
        String base = "Ambient data plane: the namespace is labelled " + IstioLayout.DATAPLANE_MODE + "="
                + IstioLayout.DATAPLANE_AMBIENT + ", so istio-cni hands its pods to ztunnel, which carries their traffic"
                + " (a pod labelled " + IstioLayout.DATAPLANE_MODE + "=" + IstioLayout.DATAPLANE_NONE + " opts out).";
        out.add(newPod.inject() ? base + " But new pods here also get a sidecar, and a sidecar takes precedence: istio-cni "
                + "does not capture a pod that carries " + IstioLayout.STATUS_ANNOTATION + "."
                : base + " New pods get no sidecar; if one were injected, it would take precedence over ztunnel.");
        return out;
    }
}
