package io.injectordoctor.explain;

import io.injectordoctor.mesh.BuiltInProxy;
import io.injectordoctor.mesh.Dataplane;
import io.injectordoctor.mesh.IstioComponent;
import io.injectordoctor.mesh.IstioLayout;
import io.injectordoctor.model.ProxyObservation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a pod's proxy and data plane mean, said in words: mesh infrastructure is not injected by
 * design; ztunnel carries an ambient pod's traffic, and a sidecar would take precedence; a proxy left
 * on {@code image: auto} was never injected. Notes, not findings: the checks report what is wrong.
 */
final class PodNotes {
    private PodNotes() {
    }

    static List<String> of(String namespace, Map<String, String> namespaceLabels, Map<String, String> podLabels,
            Map<String, String> podAnnotations, ProxyObservation proxy) {
        List<String> out = new ArrayList<>();
        if (proxy.meshInfrastructure()) {
            out.add(infrastructure(proxy.builtIn(), podLabels));
            return out;
        }
        IstioComponent.of(podLabels).ifPresent(c -> out.add("Part of Istio: " + c.describe()
                + ". It is never injected, by design."));
        boolean asks = Dataplane.asksForAmbient(namespace, namespaceLabels, podLabels);
        String why = IstioLayout.asksForAmbient(podLabels) ? "the pod is labelled " + IstioLayout.DATAPLANE_MODE + "="
                + IstioLayout.DATAPLANE_AMBIENT : "namespace " + namespace + " is labelled " + IstioLayout.DATAPLANE_MODE + "="
                + IstioLayout.DATAPLANE_AMBIENT;
        if (proxy.runsInjectedProxy()) {
            if (asks) {
                out.add("Ambient is asked for (" + why + "), but the pod runs an injected sidecar: the sidecar takes "
                        + "precedence, and istio-cni does not hand a pod that carries " + IstioLayout.STATUS_ANNOTATION
                        + " to ztunnel (cni/pkg/util/enablement_selector.go).");
            }
        } else if (Dataplane.captured(podAnnotations)) {
            out.add("Ambient data plane: ztunnel on the pod's node carries its traffic (" + why + ", and istio-cni "
                    + "recorded the capture: " + IstioLayout.AMBIENT_REDIRECTION + "=" + IstioLayout.REDIRECTION_ENABLED
                    + "). It needs no sidecar; if one were injected it would take precedence over ztunnel.");
        } else if (Dataplane.pending(podAnnotations)) {
            out.add("Ambient, pending: istio-cni marked the pod " + IstioLayout.AMBIENT_REDIRECTION + "="
                    + IstioLayout.REDIRECTION_PENDING + ": no ztunnel has accepted it yet, and its traffic is blocked "
                    + "until one does (look at the ztunnel pod on its node).");
        } else if (asks && !proxy.awaitingInjection()) {
            out.add("Ambient is asked for (" + why + "), but istio-cni has not captured the pod (no "
                    + IstioLayout.AMBIENT_REDIRECTION + " annotation): its traffic bypasses the mesh. Is istio-cni running "
                    + "on its node, and is ambient enabled in it?");
        }
        if (proxy.awaitingInjection()) {
            out.add("istio-proxy still has image: auto: the webhook never injected this pod, so the container cannot "
                    + "start (the kubelet tries to pull an image named \"auto\"). The chart leaves the image to the "
                    + "injector (manifests/charts/gateway/templates/deployment.yaml).");
        }
        return out;
    }

    private static String infrastructure(BuiltInProxy p, Map<String, String> podLabels) {
        String owner = p.managedByIstiod() ? " istiod's gateway controller owns it (label " + IstioLayout.GATEWAY_MANAGED
                + "=" + podLabels.get(IstioLayout.GATEWAY_MANAGED) + "): change the Gateway "
                + podLabels.getOrDefault(IstioLayout.GATEWAY_NAME, "that deployed it") + ", never its Deployment." : "";
        return "Mesh infrastructure: " + p.describe() + ". Istio builds istio-proxy into it and never injects it: "
                + "not injected, by design (its " + IstioLayout.INJECT + "=false label keeps every hook away)." + owner;
    }
}
