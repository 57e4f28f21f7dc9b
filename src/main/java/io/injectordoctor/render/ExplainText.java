package io.injectordoctor.render;

import io.injectordoctor.report.Finding;
import io.injectordoctor.report.Explanation;
import java.io.PrintWriter;
import java.util.List;

/** The human explanation of one subject: verdict, trace, observed state, findings, fix. */
public final class ExplainText {
    private final Style style;
    private final boolean verbose;

    public ExplainText(Style style) {
        this(style, false);
    }

    /** @param verbose also show informational findings, as {@code check -v} does */
    public ExplainText(Style style, boolean verbose) {
        this.style = style.marked();
        this.verbose = verbose;
    }

    public void write(PrintWriter target, Explanation e) {
        PrintWriter out = SafeText.writer(target, style);
        Explanation.Subject s = e.subject();
        out.println(style.bold(s.kind().toLowerCase(java.util.Locale.ROOT) + "/" + s.name())
                + (s.namespace() == null ? "" : " in namespace " + s.namespace()));
        Explanation.Injector inj = e.injector();
        out.println("  injector: revision " + inj.revision() + ", version "
                + (inj.version() == null ? "unknown" : inj.version()) + " (" + inj.versionSource() + "); rules applied: "
                + inj.rules());
        out.println();
        boolean inject = e.reference().inject();
        out.println("Reference verdict: " + (inject ? style.ok("INJECT") + " (the injector would add istio-proxy)"
                : style.warn("NO INJECTION") + " (the injector would not add istio-proxy)"));
        out.println();
        out.println("  Is the webhook called?");
        if (e.reference().webhooks().isEmpty()) {
            out.println("    " + style.fail(Style.FAIL) + " no Istio injection hook in any MutatingWebhookConfiguration");
        }
        for (Explanation.Webhook w : e.reference().webhooks()) {
            String mark = w.matched() ? style.ok(Style.OK) : style.dim(Style.FAIL);
            out.println("    " + mark + " " + w.configuration() + " / " + w.name() + " (revision " + w.revision() + "): "
                    + (w.matched() ? "called" : w.deactivated() ? "deactivated" : "not called"));
            for (String ev : w.evidence()) {
                // For a hook that is not called, the terms that failed are what matters.
                if (w.matched() || !ev.contains(": yes (")) {
                    out.println("        " + style.dim(ev));
                }
            }
        }
        out.println();
        out.println("  Trace:");
        int i = 1;
        for (Explanation.ReasonView r : e.reference().reasons()) {
            out.println("    " + i++ + ". [" + r.code() + "] " + r.message());
        }
        out.println();
        if (e.observed() != null) {
            Explanation.Observed o = e.observed();
            out.println("Observed: " + (o.sidecar() ? "istio-proxy present" + (o.nativeSidecar() ? " (native sidecar init container)" : "")
                    : "no istio-proxy") + "; sidecar.istio.io/status " + (o.statusAnnotation() ? "present" : "absent"));
            out.println("Result: " + (Boolean.TRUE.equals(e.consistent()) ? style.ok("consistent")
                    : style.fail("MISMATCH")));
            out.println();
        }
        list(out, "Likely causes:", e.likelyCauses());
        list(out, "Notes:", e.notes());
        if (e.findings().stream().anyMatch(f -> verbose || !"INFO".equals(f.severity()))) {
            out.println("Findings (the checks of 'injector-doctor check' about this " + kindWord(e) + " and what it depends on):");
            new FindingLines(style).write(out, e.findings(), verbose);
            out.println();
        }
        list(out, Boolean.FALSE.equals(e.consistent()) ? "Fix:" : "To change the verdict:", e.fix());
        out.flush();
    }

    private static String kindWord(Explanation e) {
        return e.subject().kind().toLowerCase(java.util.Locale.ROOT);
    }

    private static void list(PrintWriter out, String title, List<String> lines) {
        if (lines.isEmpty()) {
            return;
        }
        out.println(title);
        for (String l : lines) {
            out.println("  " + (l.startsWith("kubectl ") ? "$ " : "- ") + l);
        }
        out.println();
    }
}
