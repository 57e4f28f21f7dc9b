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
     * check and check-certs: no finding reaches the threshold, but the API server failed (5xx, after
     * the bounded retries) to give some kind, so the checks that need it did not run. Findings at or
     * above the threshold win: they give {@link #FINDINGS}. snapshot: the file was written without
     * that kind, and says so.
     */
    public static final int PARTIAL = 2;
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
    /** The output could not be written: standard output or the file of snapshot -o (a full disk, a closed pipe). */
    public static final int IOERR = 74;
    /** Unauthorised or forbidden. */
    public static final int NOPERM = 77;

    private ExitCode() {
    }
}
