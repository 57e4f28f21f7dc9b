package io.injectordoctor.render;

import io.injectordoctor.report.Finding;
import io.injectordoctor.report.Explanation;
import io.injectordoctor.report.Invocation;
import java.io.PrintWriter;
import java.util.List;

/** The human explanation of one subject: verdict, trace, observed state, findings, fix. */
public final class ExplainText {
    private final Style style;
    private final boolean verbose;
    private final AdviceLines advice;

    /** @param verbose also show informational findings, as {@code check -v} does */
    public ExplainText(Style style, boolean verbose, Invocation invocation) {
        this.style = style.marked();
        this.verbose = verbose;
        this.advice = new AdviceLines(invocation);
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
        out.println("Reference verdict: " + verdict(e.reference()));
        out.println();
        out.println("  Is the webhook called?");
        if (e.reference().webhooks().isEmpty()) {
            out.println("    " + style.fail(Style.FAIL) + " no Istio injection hook in any MutatingWebhookConfiguration");
        }
        for (Explanation.Webhook w : e.reference().webhooks()) {
            boolean called = Boolean.TRUE.equals(w.matched());
            String mark = called ? style.ok(Style.OK) : "refused".equals(w.admission()) ? style.fail(Style.FAIL)
                    : w.matched() == null ? style.warn("?") : style.dim(Style.FAIL);
            out.println("    " + mark + " " + w.configuration() + " / " + w.name() + " (revision " + w.revision()
                    + (w.tag() == null ? "" : ", through tag " + w.tag()) + "): " + hookState(w));
            for (String ev : w.evidence()) {
                // For a hook that is not called, the terms that failed are what matters.
                if (called || !ev.contains(": yes (")) {
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
        if (e.sidecarMode() != null) {
            out.println("Sidecar mode: " + sidecarMode(e.sidecarMode().mode()));
            for (String b : e.sidecarMode().because()) {
                out.println("  - " + b);
            }
            out.println();
        }
        if (e.observed() != null) {
            Explanation.Observed o = e.observed();
            out.println("Observed: " + observed(o) + "; sidecar.istio.io/status " + (o.statusAnnotation() ? "present"
                    + (o.injectedRevision() == null ? "" : " (injected by revision " + o.injectedRevision() + ")") : "absent"));
            out.println("Data plane: " + ("mesh-infrastructure".equals(o.proxy())
                    ? "this pod is part of the data plane itself (it is not captured by ztunnel)" : dataplane(o.dataplane())));
            out.println("Result: " + (Boolean.TRUE.equals(e.consistent()) ? style.ok("consistent")
                    : Boolean.FALSE.equals(e.consistent()) ? style.fail("MISMATCH") : "not compared (the verdict is "
                            + e.reference().admission() + ")"));
            out.println();
        }
        list(out, "Likely causes:", e.likelyCauses());
        list(out, "Notes:", e.notes());
        if (e.findings().stream().anyMatch(f -> verbose || !"INFO".equals(f.severity()))) {
            out.println("Findings (the checks of 'injector-doctor check' about this " + kindWord(e) + " and what it depends on):");
            new FindingLines(style, advice).write(out, e.findings(), verbose);
            out.println();
        }
        if (!e.fix().isEmpty()) {
            out.println(Boolean.FALSE.equals(e.consistent()) ? "Fix:" : "To change the verdict:");
            advice.write(out, "  ", e.fix());
            out.println();
        }
        out.flush();
    }

    private static String sidecarMode(String mode) {
        return switch (mode) {
            case "native" -> "native sidecar (istio-proxy as an init container with restartPolicy Always)";
            case "regular" -> "regular sidecar (istio-proxy as a container)";
            default -> "unknown";
        };
    }

    /** The proxy in words, as the issue of each kind needs it said. */
    static String observed(Explanation.Observed o) {
        String words = switch (o.proxy()) {
            case "sidecar" -> "istio-proxy injected as a sidecar container";
            case "native-sidecar" -> "istio-proxy injected as a native sidecar (init container, restartPolicy Always)";
            case "gateway" -> "a gateway whose istio-proxy the injector fills in (template gateway)";
            case "mesh-infrastructure" -> "mesh infrastructure (" + o.builtIn() + "): istio-proxy built in by Istio, never injected";
            default -> o.sidecar() ? "istio-proxy present" : "no istio-proxy";
        };
        if (o.awaitingInjection()) {
            return words + ", but still image: auto: never injected";
        }
        if (!o.statusAnnotation() && ("sidecar".equals(o.proxy()) || "native-sidecar".equals(o.proxy()))) {
            return "istio-proxy present" + (o.nativeSidecar() ? " (native sidecar init container)" : "")
                    + ", not placed by the injection webhook";
        }
        return words;
    }

    private static String dataplane(String d) {
        return switch (d) {
            case "sidecar" -> "sidecar (its own istio-proxy carries its traffic)";
            case "ambient" -> "ambient (ztunnel on its node carries its traffic)";
            default -> "none (no proxy carries its traffic)";
        };
    }

    private static String kindWord(Explanation e) {
        return e.subject().kind().toLowerCase(java.util.Locale.ROOT);
    }

    private String verdict(Explanation.Reference r) {
        if ("refused".equals(r.admission()) && r.refusal() != null) {
            String reason = r.refusal().reason() == null || r.refusal().reason().isEmpty() ? "" : " " + r.refusal().reason();
            return style.fail("REFUSED") + ": pods like this cannot be created (HTTP " + r.refusal().httpCode() + reason
                    + "): " + r.refusal().message();
        }
        if (r.inject() == null) {
            return style.warn("UNKNOWN") + ": whether the API server calls the injector depends on what injector-doctor"
                    + " cannot know (see the trace)";
        }
        return r.inject() ? style.ok("INJECT") + " (the injector would add istio-proxy)"
                : style.warn("NO INJECTION") + " (the injector would not add istio-proxy)";
    }

    private static String hookState(Explanation.Webhook w) {
        return switch (w.admission()) {
            case "called" -> "called";
            case "refused" -> "REFUSES the CREATE";
            case "unknown" -> "unknown";
            case "not-reached" -> "not reached";
            default -> w.deactivated() ? "deactivated" : "not called";
        };
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
