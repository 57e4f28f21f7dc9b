package io.injectordoctor.report;

import io.injectordoctor.report.CheckReport;
import io.injectordoctor.report.CheckResult;
import io.injectordoctor.report.Finding;
import io.injectordoctor.report.Severity;
import java.util.List;
import java.util.Map;

/**
 * The JSON/YAML shape of a check run (documented in docs/output-format.md):
 * {@code {schemaVersion, success, partial, notRead, source, failOn, categories: [{name, checks: [{id,
 * description, result, skipReason, findings, suppressed, remediation, hint}]}], summary}}.
 * {@code partial} is true when the API server failed to give some kind ({@code notRead} says which,
 * with the HTTP status and the path), so the checks that need it were skipped. {@code hint} is the
 * command that prints the check's page from inside the binary, {@code doc} the page's path.
 */
public record CheckReportJson(int schemaVersion, boolean success, boolean partial, List<String> notRead, String source,
        String failOn, List<Category> categories, Summary summary) {
    public static final int SCHEMA_VERSION = 1;

    public record Category(String name, List<CheckJson> checks) {
    }

    /** {@code result} is success, warning, error or skipped. */
    public record CheckJson(String id, String description, String result, String skipReason, List<FindingJson> findings,
            int suppressed, String remediation, Command hint, String doc) {
    }

    /** {@code fix}: the commands (or steps) that fix this finding, with real names; empty when the remediation says it. */
    public record FindingJson(String severity, String subject, String message, Map<String, Object> evidence,
            List<Advice> fix) {
    }

    public record Summary(long checks, long passed, long warnings, long failed, long skipped, long suppressed) {
    }

    public static CheckReportJson of(CheckReport report, Severity failOn) {
        List<Category> cats = report.categories().stream()
                .map(c -> new Category(c.name(), c.results().stream().map(CheckReportJson::check).toList()))
                .toList();
        Summary summary = new Summary(report.results().size(), report.count(CheckResult.Status.PASSED),
                report.count(CheckResult.Status.WARNED), report.count(CheckResult.Status.FAILED),
                report.count(CheckResult.Status.SKIPPED), report.suppressedCount());
        return new CheckReportJson(SCHEMA_VERSION, report.success(failOn), report.partial(), report.notRead(),
                report.source(), failOn.lower(), cats, summary);
    }

    private static CheckJson check(CheckResult r) {
        List<FindingJson> findings = r.findings().stream().map(CheckReportJson::finding).toList();
        boolean problem = r.status() == CheckResult.Status.WARNED || r.status() == CheckResult.Status.FAILED;
        return new CheckJson(r.id(), r.title(), r.status().word(), r.skipReason(), findings,
                r.suppressed().size(), problem ? r.remediation() : null, Command.page(r.docPath()), r.docPath());
    }

    private static FindingJson finding(Finding f) {
        return new FindingJson(f.severity().name(), f.subject(), f.message(), f.evidence(), f.fix());
    }


}
