package io.injectordoctor.render;

import io.injectordoctor.report.Explanation;
import java.io.PrintWriter;
import java.util.List;

/** Findings as explain shows them: mark, check, subject and message; then the fix and the command that prints the page. */
final class FindingLines {
    private final Style style;
    private final AdviceLines advice;

    FindingLines(Style style, AdviceLines advice) {
        this.style = style;
        this.advice = advice;
    }

    void write(PrintWriter out, List<Explanation.Finding> findings, boolean withInfo) {
        for (Explanation.Finding f : findings) {
            boolean info = "INFO".equals(f.severity());
            if (info && !withInfo) {
                continue;
            }
            String mark = switch (f.severity()) {
                case "ERROR" -> style.fail(Style.FAIL);
                case "WARNING" -> style.warn(Style.WARN);
                default -> style.dim("i");
            };
            out.println("  " + mark + " " + f.check() + " " + f.subject() + ": " + f.message());
            if (info) {
                continue;
            }
            if (f.fix().isEmpty()) {
                out.println("      fix: " + f.remediation());
            } else {
                out.println("      fix:");
                advice.write(out, "        ", f.fix());
            }
            if (f.doc() != null) {
                out.println("      docs: " + advice.line(f.doc()));
            }
        }
    }
}
