package io.injectordoctor.render;

import io.injectordoctor.report.Explanation;
import io.injectordoctor.report.Invocation;
import io.injectordoctor.report.NamespaceExplanation;
import io.injectordoctor.report.PodRow;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** {@code explain namespace/NS}: what a new pod gets there, its pods' verdicts, the findings. */
public final class NamespaceText {
    private final Style style;
    private final boolean verbose;
    private final AdviceLines advice;

    public NamespaceText(Style style, boolean verbose, Invocation invocation) {
        this.style = style.marked();
        this.verbose = verbose;
        this.advice = new AdviceLines(invocation);
    }

    public void write(PrintWriter target, NamespaceExplanation n) {
        PrintWriter out = SafeText.writer(target, style);
        out.println(style.bold("namespace/" + n.namespace()) + (n.exists() ? "" : " (does not exist: judged as created without labels)"));
        Map<String, String> labels = new TreeMap<>(n.labels());
        out.println("  labels: " + (labels.isEmpty() ? "none" : String.join(", ",
                labels.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList())));
        Explanation pod = n.newPod();
        Explanation.Injector inj = pod.injector();
        out.println("  injector: revision " + inj.revision() + ", version " + (inj.version() == null ? "unknown" : inj.version())
                + "; rules applied: " + inj.rules());
        out.println();
        Boolean inject = pod.reference().inject();
        String verdict = "refused".equals(pod.reference().admission()) ? style.fail("REFUSED")
                : inject == null ? style.warn("UNKNOWN") : inject ? style.ok("INJECT") : style.warn("NO INJECTION");
        out.println("A new pod created here without labels: " + verdict
                + (pod.reference().decisive() == null ? "" : " (" + pod.reference().decisive() + ")"));
        for (Explanation.Webhook w : pod.reference().webhooks()) {
            if (Boolean.TRUE.equals(w.matched())) {
                out.println("    " + style.ok(Style.OK) + " called: " + w.configuration() + " / " + w.name()
                        + " (revision " + w.revision() + (w.tag() == null ? "" : ", through tag " + w.tag()) + ")");
            }
        }
        List<Explanation.ReasonView> reasons = pod.reference().reasons();
        if (!reasons.isEmpty()) {
            out.println("    because: " + reasons.get(reasons.size() - 1).message());
        }
        if (pod.sidecarMode() != null) {
            out.println("    sidecar mode: " + pod.sidecarMode().mode() + " (" + String.join("; ", pod.sidecarMode().because()) + ")");
        }
        for (String note : pod.notes()) {
            out.println("  " + note);
        }
        out.println();
        if (n.pods().isEmpty()) {
            out.println("No pod runs here.");
        } else {
            out.flush();
            PodsTableText table = new PodsTableText(style, target, advice.invocation());
            for (PodRow r : n.pods()) {
                table.row(r);
            }
            table.finish(n.summary(), n.pods().stream().filter(r -> !r.consistent()).toList());
        }
        out.println();
        if (n.findings().stream().anyMatch(f -> verbose || !"INFO".equals(f.severity()))) {
            out.println("Findings (the checks of 'injector-doctor check' about this namespace and what serves it):");
            new FindingLines(style, advice).write(out, n.findings(), verbose);
            out.println();
        }
        if (!pod.fix().isEmpty()) {
            out.println("To change what new pods get here:");
            advice.write(out, "  ", pod.fix());
        }
        out.flush();
    }
}
