package io.injectordoctor.report;

import java.util.List;

/**
 * All results of one run, grouped by category in order; {@code notRead} says what the API server
 * failed to give (each with the HTTP status and the path), so that the checks needing it were skipped
 * and the result is partial.
 */
public record CheckReport(String source, List<CategoryResult> categories, List<String> notRead) {
    public CheckReport {
        categories = List.copyOf(categories);
        notRead = List.copyOf(notRead);
    }

    public CheckReport(String source, List<CategoryResult> categories) {
        this(source, categories, List.of());
    }

    public record CategoryResult(String name, List<CheckResult> results) {
        public CategoryResult {
            results = List.copyOf(results);
        }
    }

    /** The same run with only the findings that pass {@code keep}: a check passes when none of its findings is kept. */
    public CheckReport restrictedTo(java.util.function.Predicate<Finding> keep) {
        return new CheckReport(source, categories.stream().map(c -> new CategoryResult(c.name(),
                c.results().stream().map(r -> r.restrictedTo(keep)).toList())).toList(), notRead);
    }

    /** The same run, saying what could not be read. */
    public CheckReport withNotRead(List<String> reasons) {
        return new CheckReport(source, categories, reasons);
    }

    /** Some checks did not run because the API server failed to give what they need. */
    public boolean partial() {
        return !notRead.isEmpty();
    }

    public List<CheckResult> results() {
        return categories.stream().flatMap(c -> c.results().stream()).toList();
    }

    public long count(CheckResult.Status status) {
        return results().stream().filter(r -> r.status() == status).count();
    }

    public long suppressedCount() {
        return results().stream().mapToLong(r -> r.suppressed().size()).sum();
    }

    /** True when no check failed, and with {@code failOn == WARNING} none warned either. */
    public boolean success(Severity failOn) {
        return results().stream().flatMap(r -> r.findings().stream()).noneMatch(f -> f.severity().fails(failOn));
    }
}
