package io.injectordoctor.checks;

/** How bad a finding is. ERROR fails the run, WARNING fails it only with {@code --fail-on warning}. */
public enum Severity {
    INFO, WARNING, ERROR;

    public boolean atLeast(Severity other) {
        return compareTo(other) >= 0;
    }

    public String lower() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
