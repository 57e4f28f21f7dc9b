package io.injectordoctor.checks;

import java.util.List;

/**
 * The outcome of one check: findings that count, findings suppressed by annotation (counted, not
 * hidden), or a skip with its reason.
 */
public record CheckResult(Check check, CatalogueEntry entry, Status status, String skipReason,
        List<Finding> findings, List<Finding> suppressed) {
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

    public String id() {
        return check.id();
    }

    static CheckResult skipped(Check check, CatalogueEntry entry, String reason) {
        return new CheckResult(check, entry, Status.SKIPPED, reason, List.of(), List.of());
    }

    static CheckResult of(Check check, CatalogueEntry entry, List<Finding> findings, List<Finding> suppressed) {
        Status status = Status.PASSED;
        for (Finding f : findings) {
            if (f.severity() == Severity.ERROR) {
                status = Status.FAILED;
            } else if (f.severity() == Severity.WARNING && status == Status.PASSED) {
                status = Status.WARNED;
            }
        }
        return new CheckResult(check, entry, status, null, findings, suppressed);
    }
}
