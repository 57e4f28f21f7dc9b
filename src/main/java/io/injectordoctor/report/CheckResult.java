package io.injectordoctor.report;

import java.util.List;

/**
 * The outcome of one check: findings that count, findings suppressed by annotation (counted, not
 * hidden), or a skip with its reason; with the catalogue's wording of the check.
 *
 * @param severity    the worst a finding of this check can be, as the catalogue says
 * @param remediation the catalogue's general fix
 * @param docPath     the check's page, relative to the repository
 */
public record CheckResult(String id, String title, String category, Severity severity, Status status,
        String skipReason, List<Finding> findings, List<Finding> suppressed, String remediation, String docPath) {
    public CheckResult {
        findings = List.copyOf(findings);
        suppressed = List.copyOf(suppressed);
    }

    public enum Status {
        PASSED("success"), WARNED("warning"), FAILED("error"), SKIPPED("skipped");

        private final String word;

        Status(String word) {
            this.word = word;
        }

        /** The word used in JSON output. */
        public String word() {
            return word;
        }
    }

    /** The status the findings give: the worst of their severities, INFO and none passing. */
    public static Status statusOf(List<Finding> findings) {
        Status status = Status.PASSED;
        for (Finding f : findings) {
            if (f.severity() == Severity.ERROR) {
                return Status.FAILED;
            }
            if (f.severity() == Severity.WARNING) {
                status = Status.WARNED;
            }
        }
        return status;
    }

    /** The same check with only the findings that pass {@code keep}; its status follows them. */
    public CheckResult restrictedTo(java.util.function.Predicate<Finding> keep) {
        if (status == Status.SKIPPED) {
            return this;
        }
        List<Finding> f = findings.stream().filter(keep).toList();
        List<Finding> s = suppressed.stream().filter(keep).toList();
        return new CheckResult(id, title, category, severity, statusOf(f), null, f, s, remediation, docPath);
    }
}
