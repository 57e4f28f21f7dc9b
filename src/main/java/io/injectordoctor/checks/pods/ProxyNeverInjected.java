package io.injectordoctor.checks.pods;

import io.injectordoctor.checks.CheckContext;
import io.injectordoctor.checks.NamespaceAdvice;
import io.injectordoctor.checks.PodCheck;
import io.injectordoctor.checks.Subjects;
import io.injectordoctor.decision.AdmissionOutcome;
import io.injectordoctor.decision.Decision;
import io.injectordoctor.decision.ReasonCode;
import io.injectordoctor.mesh.IstioLayout;
import io.injectordoctor.model.NamespaceInfo;
import io.injectordoctor.model.PodInfo;
import io.injectordoctor.model.ProxyObservation;
import io.injectordoctor.model.WebhookConfiguration;
import io.injectordoctor.report.Advice;
import io.injectordoctor.report.Finding;
import io.injectordoctor.report.Severity;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Pods whose istio-proxy still has {@code image: auto}: the gateway chart leaves the image to the
 * webhook (manifests/charts/gateway/templates/deployment.yaml), so a pod the webhook never saw cannot
 * pull it and never starts (istioctl analyze IST0147). Why it was never injected comes from the
 * decision: not selected (namespace not labelled, or labelled disabled), injection disabled for the
 * pod, or created before the webhook or its namespace label existed; the fix labels, then restarts.
 */
public final class ProxyNeverInjected implements PodCheck {
    @Override
    public String id() {
        return "ID0604";
    }

    @Override
    public List<Finding> judge(CheckContext context, PodInfo pod) {
        ProxyObservation proxy = ProxyObservation.of(pod);
        if (!proxy.awaitingInjection()) {
            return List.of();
        }
        Decision d = context.decide(pod);
        String ns = pod.meta().namespace();
        List<Advice> recreate = PodVerdicts.recreate(context, pod);
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("templates", proxy.templates());
        evidence.put("reason", d.decisive() == null ? null : d.decisive().code().name());
        String why;
        List<Advice> fix = List.of();
        if (d.admission() == AdmissionOutcome.REFUSED || d.admission() == AdmissionOutcome.UNKNOWN) {
            why = "the API server would not let the injector add it now either: " + d.decisive().message();
        } else if (d.inject()) {
            why = "the injector would inject it now, so it was created before it was selected: " + createdBefore(context, pod);
            fix = recreate;
        } else if (d.has(ReasonCode.NO_HOOK_MATCHED)) {
            Map<String, String> labels = context.snapshot().namespace(ns).map(n -> n.meta().labels()).orElse(Map.of());
            String injection = labels.get(IstioLayout.INJECTION);
            why = injection != null && !"enabled".equals(injection)
                    ? "injection is disabled in namespace " + ns + " (" + IstioLayout.INJECTION + "=" + injection + ")"
                    : "no injection hook selects it (" + d.decisive().message() + ")";
            if (!ns.equals(context.snapshot().istioNamespace()) && !"false".equals(pod.meta().labels().get(IstioLayout.INJECT))) {
                List<Advice> optIn = NamespaceAdvice.optIn(d, ns, labels);
                if (!optIn.isEmpty()) {
                    List<Advice> steps = new java.util.ArrayList<>(optIn);
                    steps.addAll(recreate);
                    fix = steps;
                }
            }
        } else {
            why = "injection is disabled for it: " + d.decisive().message();
        }
        return List.of(new Finding(id(), Severity.ERROR, Subjects.of("Pod", pod.meta()), "istio-proxy still has image: auto, "
                + "so the pod cannot start: it was never injected, because " + why, evidence).withFix(fix));
    }

    /** The creation-time reasons the decision cannot see: the webhook, or the namespace label, came later. */
    private static String createdBefore(CheckContext context, PodInfo pod) {
        Instant created = pod.meta().creationTimestamp();
        if (created != null) {
            for (WebhookConfiguration c : context.snapshot().webhookConfigurations()) {
                if (c.meta().creationTimestamp() != null && created.isBefore(c.meta().creationTimestamp())
                        && context.decide(pod).matchedHooks().stream().anyMatch(h -> h.configuration().equals(c.name()))) {
                    return "the pod (" + created + ") is older than the webhook configuration " + c.name() + " ("
                            + c.meta().creationTimestamp() + ")";
                }
            }
            Instant labelled = context.snapshot().namespace(pod.meta().namespace()).map(NamespaceInfo::injectionLabelledAt)
                    .orElse(null);
            if (labelled != null && created.isBefore(labelled)) {
                return "the pod (" + created + ") is older than its namespace's injection label (" + labelled + ")";
            }
        }
        return "the webhook did not select it, or could not be called, when it was created";
    }
}
