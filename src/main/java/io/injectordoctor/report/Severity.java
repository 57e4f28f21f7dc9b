package io.injectordoctor.report;

/** How bad a finding is. ERROR fails the run, WARNING fails it only with {@code --fail-on warning}. */
public enum Severity {
    INFO, WARNING, ERROR;

    public boolean atLeast(Severity other) {
        return compareTo(other) >= 0;
    }

    /** Whether a finding of this severity fails a run whose threshold is {@code threshold}; INFO never does. */
    public boolean fails(Severity threshold) {
        return this != INFO && atLeast(threshold);
    }

    public String lower() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
