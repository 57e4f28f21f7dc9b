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
        return new Outcome<>(report, passes ? ExitCode.OK : ExitCode.FINDINGS);
    }
}
