package io.injectordoctor.checks;

import io.injectordoctor.decision.Decision;
import io.injectordoctor.decision.HookEvaluation;
import io.injectordoctor.mesh.IstioLayout;
import io.injectordoctor.model.ObjectMeta;
import io.injectordoctor.report.Advice;
import io.injectordoctor.report.Command;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The namespace labels that change which hooks select a namespace, as commands: one place, so that
 * explain's advice and the checks' fixes say the same. A revision is labelled through the tag that
 * points at it (the one the namespace already uses first), never by its raw name when a tag serves it.
 */
public final class NamespaceAdvice {
    private NamespaceAdvice() {
    }

    /**
     * The commands that make a hook select namespace {@code ns} for sidecar injection, from the hooks
     * of a decision made there: {@code istio-injection=enabled} where the default revision's
     * {@code namespace.} hook is active (or the namespace already uses that label), else
     * {@code istio.io/rev=<tag or revision>} for each active {@code rev.namespace.} hook.
     */
    public static List<Advice> optIn(Decision d, String ns, Map<String, String> namespaceLabels) {
        List<Advice> out = new ArrayList<>();
        boolean defaultHook = d.hooks().stream().anyMatch(h -> !h.deactivated()
                && (h.name().startsWith("namespace.") || h.name().equals(IstioLayout.LEGACY_HOOK)));
        if (defaultHook || namespaceLabels.containsKey(IstioLayout.INJECTION)) {
            // Said only when the default is not simply revision "default": a tag or a named revision serves it.
            out.add(Advice.run(Command.kubectl("label", "namespace", ns, IstioLayout.INJECTION + "=enabled", "--overwrite")));
            d.hooks().stream().filter(h -> !h.deactivated() && h.name().startsWith("namespace."))
                    .filter(h -> h.tag() != null || !IstioLayout.isDefaultRevision(h.revision()))
                    .findFirst().ifPresent(h -> out.add(Advice.say("the default there is " + revisionWords(h))));
            return out;
        }
        Map<String, HookEvaluation> byValue = new LinkedHashMap<>();
        // Tags first: a revision is labelled through its tag, so that moving the tag moves the namespace.
        d.hooks().stream().filter(h -> !h.deactivated() && h.name().startsWith("rev.namespace.") && h.tag() != null)
                .forEach(h -> byValue.putIfAbsent(h.tag(), h));
        d.hooks().stream().filter(h -> !h.deactivated() && h.name().startsWith("rev.namespace.") && h.tag() == null)
                .filter(h -> byValue.values().stream().noneMatch(t -> t.revision().equals(h.revision())))
                .forEach(h -> byValue.putIfAbsent(h.revision(), h));
        String current = namespaceLabels.get(IstioLayout.REV);
        if (current != null && byValue.containsKey(current)) {
            HookEvaluation h = byValue.get(current);
            byValue.clear();
            byValue.put(current, h);
        }
        byValue.forEach((value, h) -> {
            out.add(Advice.run(Command.kubectl("label", "namespace", ns, IstioLayout.REV + "=" + value, "--overwrite")));
            out.add(Advice.say(IstioLayout.REV + "=" + value + " selects " + revisionWords(h)));
        });
        return out;
    }

    /** The workload asks for a sidecar itself: the inject label or annotation true, or a revision label of its own. */
    public static boolean asksForSidecar(ObjectMeta meta) {
        return "true".equals(meta.labels().get(IstioLayout.INJECT)) || "true".equals(meta.annotations().get(IstioLayout.INJECT))
                || meta.labels().containsKey(IstioLayout.REV);
    }

    /** "revision canary (through tag stable)", "revision default". */
    public static String revisionWords(HookEvaluation h) {
        return "revision " + h.revision() + (h.tag() == null ? "" : " (through tag " + h.tag() + ")");
    }

    /**
     * The commands that stop every injection hook of the charts from selecting the namespace, keeping
     * it in ambient: {@code istio-injection=disabled} fails the {@code namespace.} hook and every hook
     * that requires the label absent ({@code rev.namespace.}, {@code rev.object.}, {@code object.},
     * {@code auto.}); {@code istio.io/rev} is removed with it, as the two together are ID0402's conflict.
     */
    public static List<Advice> keepAmbient(String ns, Map<String, String> namespaceLabels) {
        List<Advice> out = new ArrayList<>();
        out.add(Advice.run(Command.kubectl("label", "namespace", ns, IstioLayout.INJECTION + "=disabled", "--overwrite")));
        if (namespaceLabels.containsKey(IstioLayout.REV)) {
            out.add(Advice.run(Command.kubectl("label", "namespace", ns, IstioLayout.REV + "-")));
        }
        return out;
    }

    /** The sidecar path for an ambient namespace, said rather than given as commands to paste. */
    public static Advice sidecarPathInWords(String ns) {
        return Advice.say("to move namespace " + ns + " to sidecars instead (only if it is meant to leave ambient): remove its label "
                + IstioLayout.DATAPLANE_MODE + "=" + IstioLayout.DATAPLANE_AMBIENT + ", label it for injection ("
                + IstioLayout.INJECTION + "=enabled, or " + IstioLayout.REV + " set to a revision tag), then restart its"
                + " workloads; a sidecar takes precedence over ztunnel");
    }
}
