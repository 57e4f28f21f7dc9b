package io.injectordoctor.explain;

import io.injectordoctor.cluster.ClusterSnapshot;
import io.injectordoctor.decision.Decision;
import io.injectordoctor.decision.HookEvaluation;
import io.injectordoctor.mesh.Dataplane;
import io.injectordoctor.mesh.IstioLayout;
import io.injectordoctor.model.PodInfo;
import io.injectordoctor.model.ProxyObservation;
import io.injectordoctor.model.Webhook;
import io.injectordoctor.model.WebhookConfiguration;
import io.injectordoctor.report.Advice;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Why a running pod disagrees with the reference verdict, and how to bring them together. */
record Mismatch(String summary, List<String> causes, List<Advice> fix) {

    static Mismatch analyse(PodInfo pod, ProxyObservation proxy, Decision d, ClusterSnapshot snapshot) {
        List<String> causes = new ArrayList<>();
        String summary;
        // The same fix as ID0601's: one rule, in checks.Recreation.
        List<Advice> fix = io.injectordoctor.checks.Recreation.forMismatch(snapshot, pod, d);
        if (d.inject() && Dataplane.captured(pod.meta().annotations())) {
            return ambientSelectedForSidecars(pod, d, fix);
        }
        if (d.inject()) {
            summary = "The injector would add istio-proxy to pod " + pod.meta().qualifiedName() + ", but "
                    + (proxy.awaitingInjection() ? "its istio-proxy container still has image: auto: it was never injected."
                            : "it has none.");
            Instant created = pod.meta().creationTimestamp();
            for (HookEvaluation h : d.matchedHooks()) {
                WebhookConfiguration c = configuration(snapshot, h.configuration());
                if (created != null && c != null && c.meta().creationTimestamp() != null
                        && created.isBefore(c.meta().creationTimestamp())) {
                    causes.add("The pod was created (" + created + ") before the webhook configuration " + c.name()
                            + " existed (" + c.meta().creationTimestamp() + "): no injector was called at its creation.");
                }
                Webhook hook = hook(c, h.name());
                if (hook != null && "Ignore".equals(hook.failurePolicy())) {
                    causes.add("Hook " + h.qualifiedName() + " has failurePolicy Ignore: if the injector was down or its "
                            + "certificate was not trusted when the pod was created, the API server admitted the pod without the sidecar.");
                }
            }
            Instant labelled = snapshot.namespace(pod.meta().namespace())
                    .map(io.injectordoctor.model.NamespaceInfo::injectionLabelledAt).orElse(null);
            if (created != null && labelled != null && created.isBefore(labelled)) {
                causes.add("The pod was created (" + created + ") before its namespace " + pod.meta().namespace()
                        + " got its injection label (" + labelled + ", from the namespace's managedFields): "
                        + "the injector was not called for it.");
            }
            if (pod.hasStatusAnnotation()) {
                causes.add("The pod carries sidecar.istio.io/status but no istio-proxy: the sidecar was removed after injection "
                        + "(another mutating webhook or an edit of the pod spec).");
            }
            if (causes.isEmpty()) {
                causes.add("The pod was probably created before its namespace was labelled, or before its inject label or "
                        + "annotation was changed: the webhook runs only when a pod is created, so existing pods keep what they got.");
            }
        } else {
            summary = "Pod " + pod.meta().qualifiedName() + " runs istio-proxy, but the injector would not add it now.";
            if (pod.hasStatusAnnotation()) {
                causes.add("It was injected when it was created; the configuration has changed since, and now excludes it ("
                        + (d.decisive() == null ? "see the trace" : d.decisive().message()) + ")");
            } else {
                causes.add("istio-proxy is there without the sidecar.istio.io/status annotation: it was added by "
                        + "'istioctl kube-inject' or written into the manifest, not by the injection webhook.");
            }
        }
        return new Mismatch(summary, causes, fix);
    }

    /**
     * A pod ztunnel captures whose namespace is also selected for sidecars: re-created, it would trade
     * ambient for a sidecar (the fix, from checks.Recreation, keeps ambient unless the pod asks for one).
     */
    private static Mismatch ambientSelectedForSidecars(PodInfo pod, Decision d, List<Advice> fix) {
        List<String> causes = new ArrayList<>();
        causes.add("The pod is in the ambient data plane (istio-cni recorded " + IstioLayout.AMBIENT_REDIRECTION + "="
                + IstioLayout.REDIRECTION_ENABLED + "), but it is also selected for sidecar injection ("
                + (d.matchedHooks().isEmpty() ? "see the trace" : d.matchedHooks().get(0).qualifiedName()) + "): a pod "
                + "created now gets a sidecar, which takes precedence over ztunnel.");
        return new Mismatch("Pod " + pod.meta().qualifiedName() + " runs in ambient, but the injector would add a sidecar "
                + "to it now.", causes, fix);
    }

    private static WebhookConfiguration configuration(ClusterSnapshot s, String name) {
        return s.webhookConfigurations().stream().filter(c -> c.name().equals(name)).findFirst().orElse(null);
    }

    private static Webhook hook(WebhookConfiguration c, String name) {
        if (c == null) {
            return null;
        }
        return c.webhooks().stream().filter(h -> name.equals(h.name())).findFirst().orElse(null);
    }
}
