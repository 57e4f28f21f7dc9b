package io.injectordoctor;

/**
 * Documented, stable exit codes (sysexits conventions, as istioctl uses them). "The tool failed"
 * is kept apart from "the tool found a problem".
 */
public final class ExitCode {
    /** Healthy or consistent; warnings alone do not fail. */
    public static final int OK = 0;
    /** Findings at or above the failure threshold. */
    public static final int FINDINGS = 1;
    /**
     * restart-injector only: the restart was made (the patch was accepted) but what followed could not
     * be read, so its outcome is unknown; a runbook must not restart again. The same value as
     * {@code report.RestartRecord.RESTARTED_OUTCOME_UNKNOWN}.
     */
    public static final int RESTARTED_OUTCOME_UNKNOWN = 3;
    /** Usage error: unknown flag, malformed reference. */
    public static final int USAGE = 64;
    /** Bad input data: unparseable file or snapshot. */
    public static final int DATA = 65;
    /** Cluster unreachable. */
    public static final int UNAVAILABLE = 69;
    /** Internal error (a bug). */
    public static final int INTERNAL = 70;
    /** Unauthorised or forbidden. */
    public static final int NOPERM = 77;

    private ExitCode() {
    }
}
