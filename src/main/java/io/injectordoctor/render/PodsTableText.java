package io.injectordoctor.render;

import io.injectordoctor.report.Command;
import io.injectordoctor.report.Invocation;
import io.injectordoctor.report.PodRow;
import io.injectordoctor.report.PodsSummary;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code explain pods} as a table written while the pods arrive: rows are aligned a block at a
 * time (columns only widen, so a long name further down shifts the columns once, as in kubectl's
 * chunked output); then the summary, and the mismatched pods again with the command that explains
 * each.
 */
public final class PodsTableText {
    /** Rows aligned together; one API page. */
    static final int BLOCK = 500;
    private static final String[] HEADER = {"NAMESPACE", "POD", "REFERENCE", "OBSERVED", "RESULT", "WHY"};

    private final Style style;
    private final PrintWriter out;
    private final List<String[]> block = new ArrayList<>(BLOCK);
    private final int[] width = new int[5];
    private boolean headerWritten;
    private final AdviceLines advice;

    public PodsTableText(Style style, PrintWriter out, Invocation invocation) {
        this.style = style.marked();
        this.out = SafeText.writer(out, this.style);
        this.advice = new AdviceLines(invocation);
    }

    public void row(PodRow r) {
        boolean compared = r.reference().equals("inject") || r.reference().equals("skip");
        // escaped before the widths are taken, so that the columns stay aligned
        block.add(new String[] {SafeText.line(r.namespace()), SafeText.line(r.name()), r.reference(),
            SafeText.line(r.proxy()), !compared ? "-" : r.consistent() ? "ok" : "MISMATCH",
            r.decisive() == null ? "" : SafeText.line(r.decisive())});
        if (block.size() == BLOCK) {
            writeBlock();
        }
    }

    public void finish(PodsSummary s, List<PodRow> recalled) {
        // Pods whose creation the API server would refuse, or whose admission is unknown, have no verdict to compare.
        int notCompared = s.pods() - s.consistent() - s.mismatches();
        writeBlock();
        if (headerWritten) {
            out.println();
        }
        out.println(s.pods() + " pods: " + s.consistent() + " consistent, " + s.mismatches() + " mismatched ("
                + s.missingSidecar() + " missing the sidecar, " + s.unexpectedSidecar() + " with an unexpected sidecar)"
                + (notCompared > 0 ? ", " + notCompared + " not compared (admission refused or unknown; RESULT -)" : "") + "; "
                + s.expectedInjected() + " should be injected, " + s.withSidecar() + " have istio-proxy"
                + (s.meshInfrastructure() > 0 ? " (" + s.meshInfrastructure() + " of them mesh infrastructure, not injected"
                        + " by design)" : "") + (s.ambient() > 0 ? "; " + s.ambient() + " in ambient (ztunnel)" : "") + ".");
        if (!recalled.isEmpty()) {
            out.println("Mismatched pods; each command gives the trace and the fix:");
            for (PodRow r : recalled) {
                out.println("  " + r.name() + " in " + r.namespace() + ": "
                        + (r.inject() ? "missing the sidecar" : "unexpected sidecar") + " (" + r.decisive() + ")");
                out.println("    $ " + advice.line(Command.self("explain", "pod/" + r.name(), "-n", r.namespace())));
            }
            int more = s.mismatches() - recalled.size();
            if (more > 0) {
                out.println("  ... and " + more + " more, marked MISMATCH in the table above.");
            }
        }
        out.flush();
    }

    /** The findings about what the listed pods share (their namespaces, the control plane), once. */
    public void shared(java.util.List<io.injectordoctor.report.Explanation.Finding> findings) {
        if (findings.stream().allMatch(f -> "INFO".equals(f.severity()))) {
            return;
        }
        out.println();
        out.println("Findings about what these pods share (the checks of 'injector-doctor check'):");
        new FindingLines(style, advice).write(out, findings, false);
        out.flush();
    }

    /** The rows so far and a line saying the list stopped; the error itself follows on stderr. */
    public void stopped(PodsSummary s) {
        writeBlock();
        out.println();
        out.println("Stopped after " + s.pods() + " pods: the rest could not be read (see the error).");
        out.flush();
    }

    private void writeBlock() {
        if (block.isEmpty()) {
            return;
        }
        if (!headerWritten) {
            block.add(0, HEADER);
        }
        for (String[] r : block) {
            for (int i = 0; i < 5; i++) {
                width[i] = Math.max(width[i], r[i].length());
            }
        }
        for (String[] r : block) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < 5; i++) {
                String cell = pad(r[i], width[i]);
                sb.append(i == 4 && "MISMATCH".equals(r[i]) ? style.fail(cell) : cell).append("  ");
            }
            sb.append(r[5]);
            out.println(sb.toString().stripTrailing());
        }
        headerWritten = true;
        block.clear();
        out.flush();
    }

    private static String pad(String s, int w) {
        return s + " ".repeat(Math.max(0, w - s.length()));
    }
}
