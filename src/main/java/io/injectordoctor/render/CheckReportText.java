package io.injectordoctor.render;

import io.injectordoctor.report.CheckReport;
import io.injectordoctor.report.CheckResult;
import io.injectordoctor.report.Finding;
import io.injectordoctor.report.Invocation;
import io.injectordoctor.report.Severity;
import java.io.PrintWriter;

/**
 * linkerd-check style text: a header per category, one line per check ({@code √} passed,
 * {@code ‼} warning, {@code ×} error, {@code -} skipped), findings indented under it, then the
 * remediation and the command that prints the check's page. INFO findings are shown only when verbose.
 */
public final class CheckReportText {
    private static final String INDENT = "    ";
    private final Style style;
    private final boolean verbose;
    private final AdviceLines advice;

    public CheckReportText(Style style, boolean verbose, Invocation invocation) {
        this.style = style.marked();
        this.verbose = verbose;
        this.advice = new AdviceLines(invocation);
    }

    public void write(PrintWriter target, CheckReport report, Severity failOn) {
        PrintWriter out = SafeText.writer(target, style);
        boolean first = true;
        for (CheckReport.CategoryResult c : report.categories()) {
            if (!first) {
                out.println();
            }
            first = false;
            out.println(style.bold(c.name()));
            out.println(style.bold("-".repeat(c.name().length())));
            c.results().forEach(r -> check(out, r));
        }
        out.println();
        boolean success = report.success(failOn);
        out.println("Status check results are " + (success ? style.ok(Style.OK) : style.fail(Style.FAIL)));
        out.println(report.results().size() + " checks: " + report.count(CheckResult.Status.PASSED) + " passed, "
                + report.count(CheckResult.Status.WARNED) + " warnings, " + report.count(CheckResult.Status.FAILED)
                + " failed, " + report.count(CheckResult.Status.SKIPPED) + " skipped; " + report.suppressedCount()
                + " findings suppressed");
        CertReportText.partial(report.notRead()).forEach(out::println);
        out.flush();
    }

    private void check(PrintWriter out, CheckResult r) {
        String line = r.id() + " " + r.title();
        switch (r.status()) {
            case PASSED -> out.println(style.ok(Style.OK) + " " + line);
            case WARNED -> out.println(style.warn(Style.WARN) + " " + line);
            case FAILED -> out.println(style.fail(Style.FAIL) + " " + line);
            case SKIPPED -> out.println(style.dim(Style.SKIP + " " + line + " (skipped: " + r.skipReason() + ")"));
        }
        boolean problem = r.status() == CheckResult.Status.WARNED || r.status() == CheckResult.Status.FAILED;
        for (Finding f : r.findings()) {
            if (f.severity() != Severity.INFO || verbose) {
                out.println(INDENT + f.subject() + ": " + f.message());
                advice.write(out, INDENT + "  ", f.fix());
            }
        }
        if (!r.suppressed().isEmpty()) {
            out.println(INDENT + style.dim("(" + r.suppressed().size() + " finding" + (r.suppressed().size() == 1 ? "" : "s")
                    + " suppressed by injector-doctor.io/ignore)"));
        }
        if (problem) {
            out.println(INDENT + "fix: " + r.remediation());
            out.println(INDENT + "docs: " + advice.page(r.docPath()));
        }
    }
}
