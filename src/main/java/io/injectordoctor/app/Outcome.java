package io.injectordoctor.app;

import io.injectordoctor.ExitCode;

/** What a service hands to the output step: its report, and the exit code the run ends with. */
public record Outcome<R>(R report, int exitCode) {
    /**
     * The one exit rule of explain and check: 1 when a finding reaches the threshold, else 0.
     *
     * @param passes whether no finding of the report reaches the threshold
     */
    public static <R> Outcome<R> judged(R report, boolean passes) {
        return judged(report, passes, false);
    }

    /**
     * The same rule for a result that may be partial (check, check-certs): 1 when a finding reaches
     * the threshold, whether or not the result is complete (what was found stands); else 2 when some
     * kind could not be read because the API server failed, so some checks did not run; else 0.
     *
     * @param partial whether a kind the command reads is missing because the API server failed to give it
     */
    public static <R> Outcome<R> judged(R report, boolean passes, boolean partial) {
        if (!passes) {
            return new Outcome<>(report, ExitCode.FINDINGS);
        }
        return new Outcome<>(report, partial ? ExitCode.PARTIAL : ExitCode.OK);
    }
}
