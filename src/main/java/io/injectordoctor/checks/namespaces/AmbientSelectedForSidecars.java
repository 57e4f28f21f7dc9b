package io.injectordoctor.checks.namespaces;

import io.injectordoctor.checks.CheckContext;
import io.injectordoctor.checks.NamespaceAdvice;
import io.injectordoctor.checks.PodCheck;
import io.injectordoctor.checks.Subjects;
import io.injectordoctor.decision.Decision;
import io.injectordoctor.decision.HookEvaluation;
import io.injectordoctor.decision.InjectionSubject;
import io.injectordoctor.mesh.Dataplane;
import io.injectordoctor.mesh.IstioLayout;
import io.injectordoctor.model.NamespaceInfo;
import io.injectordoctor.model.PodInfo;
import io.injectordoctor.report.Finding;
import io.injectordoctor.report.Severity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A namespace or pod that asks for ambient and is also selected for sidecar injection: the sidecar
 * takes precedence and ztunnel does not capture the pod (istio-cni enablement_selector.go). A
 * namespace is judged as istioctl analyze's IST0123 judges it (pkg/config/analysis/analyzers/injection
 * injection.go: istio-injection, and istio.io/rev or istio.io/dataplane-mode when istio-injection is
 * absent or enabled, more than one of them), in Istio's own words, and also when a hook selects its
 * new pods without any label (the {@code auto.} hook of enableNamespacesByDefault); then each pod of
 * the other namespaces whose own labels bring in the sidecar.
 */
public final class AmbientSelectedForSidecars implements PodCheck {
    /** The analyzer skips this namespace by name (injection.go, constants.IstioSystemNamespace). */
    private static final String ANALYZER_SKIPS = "istio-system";

    @Override
    public String id() {
        return "ID0404";
    }

    @Override
    public List<Finding> run(CheckContext context) {
        List<Finding> out = new ArrayList<>();
        for (NamespaceInfo ns : context.snapshot().namespaces()) {
            namespaceFinding(context, ns).ifPresent(out::add);
        }
        out.addAll(PodCheck.super.run(context));
        return out;
    }

    private java.util.Optional<Finding> namespaceFinding(CheckContext context, NamespaceInfo ns) {
        Map<String, String> labels = ns.meta().labels();
        if (!IstioLayout.asksForAmbient(labels) || skipped(context, ns.name())) {
            return java.util.Optional.empty();
        }
        List<String> counted = analyzerLabels(labels);
        Decision newPod = context.decide(ns.name(), new InjectionSubject(ns.name(), Map.of(), Map.of(), false));
        if (counted.size() < 2 && !newPod.inject()) {
            return java.util.Optional.empty();
        }
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("labels", counted);
        evidence.put("selectedBy", newPod.matchedHooks().stream().map(HookEvaluation::qualifiedName).toList());
        String consequence = newPod.inject() ? "pods created here get a sidecar from " + selectedBy(newPod)
                + ", and the sidecar takes precedence: istio-cni does not hand a pod with sidecar.istio.io/status to ztunnel"
                : "no hook selects a pod created here now, but the labels still contradict each other";
        String message;
        if (counted.size() >= 2) {
            evidence.put("analyzer", "IST0123");
            // IST0123's template (pkg/config/analysis/msg/messages.yaml), with Go's %v of a []string.
            message = "The namespace has more than one type of injection labels [" + String.join(" ", counted)
                    + "], which may lead to undefined behavior. Make sure only one injection label exists (IST0123). "
                    + "Here: " + consequence + ".";
        } else {
            message = "asks for ambient (" + IstioLayout.DATAPLANE_MODE + "=" + IstioLayout.DATAPLANE_AMBIENT
                    + ") but no label of it opts out of sidecar injection: " + consequence + ".";
        }
        List<io.injectordoctor.report.Advice> fix = new java.util.ArrayList<>(NamespaceAdvice.keepAmbient(ns.name(), labels));
        fix.add(NamespaceAdvice.sidecarPathInWords(ns.name()));
        return java.util.Optional.of(new Finding(id(), Severity.WARNING, Subjects.namespace(ns.name()), message, evidence)
                .withFix(fix));
    }

    /** A pod of a namespace not reported itself, whose own labels ask for ambient or bring in the sidecar. */
    @Override
    public List<Finding> judge(CheckContext context, PodInfo pod) {
        String ns = pod.meta().namespace();
        if (flaggedNamespaces(context).contains(ns) || skipped(context, ns)) {
            return List.of();
        }
        Map<String, String> nsLabels = context.snapshot().namespace(ns).map(n -> n.meta().labels()).orElse(Map.of());
        if (!Dataplane.asksForAmbient(ns, nsLabels, pod.meta().labels())) {
            return List.of();
        }
        Decision d = context.decide(pod);
        if (!d.inject()) {
            return List.of();
        }
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("selectedBy", d.matchedHooks().stream().map(HookEvaluation::qualifiedName).toList());
        String why = IstioLayout.asksForAmbient(pod.meta().labels()) ? "its label " + IstioLayout.DATAPLANE_MODE + "="
                + IstioLayout.DATAPLANE_AMBIENT : "its namespace's " + IstioLayout.DATAPLANE_MODE + "=" + IstioLayout.DATAPLANE_AMBIENT;
        return List.of(new Finding(id(), Severity.WARNING, Subjects.of("Pod", pod.meta()), "asks for ambient (" + why
                + ") but is selected for sidecar injection by " + selectedBy(d) + ": the sidecar takes precedence and "
                + "ztunnel does not capture it. Keep one: remove the pod's sidecar label (" + IstioLayout.INJECT + " or "
                + IstioLayout.REV + ") or its ambient label.", evidence));
    }

    /**
     * The labels IST0123 counts, as it prints them: istio-injection (any value); istio.io/rev and
     * istio.io/dataplane-mode (any value) only when istio-injection is absent or enabled.
     */
    static List<String> analyzerLabels(Map<String, String> labels) {
        List<String> out = new ArrayList<>();
        String injection = labels.get(IstioLayout.INJECTION);
        if (injection != null) {
            out.add(IstioLayout.INJECTION + "=" + injection);
        }
        for (String l : List.of(IstioLayout.REV, IstioLayout.DATAPLANE_MODE)) {
            if (labels.containsKey(l) && (injection == null || "enabled".equals(injection))) {
                out.add(l + "=" + labels.get(l));
            }
        }
        return out;
    }

    private static boolean skipped(CheckContext context, String ns) {
        return ANALYZER_SKIPS.equals(ns) || ns.equals(context.snapshot().istioNamespace());
    }

    private static String selectedBy(Decision d) {
        return d.matchedHooks().isEmpty() ? "the injector" : "hook " + d.matchedHooks().get(0).qualifiedName() + " ("
                + NamespaceAdvice.revisionWords(d.matchedHooks().get(0)) + ")";
    }

    private Set<String> flaggedNamespaces(CheckContext context) {
        return context.shared(AmbientSelectedForSidecars.class, () -> {
            Set<String> flagged = new TreeSet<>();
            for (NamespaceInfo ns : context.snapshot().namespaces()) {
                if (namespaceFinding(context, ns).isPresent()) {
                    flagged.add(ns.name());
                }
            }
            return flagged;
        });
    }
}
