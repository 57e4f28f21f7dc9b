package io.injectordoctor.remedy;

import java.time.Instant;
import java.util.List;

/**
 * Everything one run of restart-injector did and saw; {@code -o json} prints it whole.
 *
 * @param patch    the patch sent, null when none was sent
 * @param rollout  the last rollout status line, null when there was no rollout
 * @param after    null when nothing was restarted
 */
public record RestartRecord(InjectorTarget target, RolloutRestarter.Patch patch, boolean dryRun,
        List<String> warnings, Timings timings, Assessment before, String rollout, Assessment after,
        Result result, int exitCode, List<String> nextSteps) {

    public RestartRecord {
        warnings = List.copyOf(warnings);
        nextSteps = List.copyOf(nextSteps);
    }

    public enum Result {
        /** Healthy before; nothing was done. */
        NOTHING_TO_DO(0),
        /** The patch went to the server with dryRun=All; nothing changed. */
        DRY_RUN(0),
        /** The question on the terminal was answered no; nothing changed. */
        DECLINED(1),
        /** The problems seen before are gone. */
        FIXED(0),
        /** Restarted with --force while healthy; still healthy. */
        HEALTHY(0),
        /** Restarted, rolled out, and a problem remains. */
        STILL_BROKEN(1),
        /** The rollout failed (progress deadline exceeded, or the Deployment was deleted). */
        ROLLOUT_FAILED(1),
        /** --timeout passed before the rollout and the endpoints were ready. */
        TIMED_OUT(1);

        private final int exitCode;

        Result(int exitCode) {
            this.exitCode = exitCode;
        }

        public int exitCode() {
            return exitCode;
        }
    }

    /** The assessment as reported: the verdict and every check. */
    public record Assessment(boolean healthy, List<HealthCheck> checks) {
        public static Assessment of(InjectorHealth h) {
            return h == null ? null : new Assessment(h.healthy(), h.checks());
        }
    }

    /** Points in time of the run; null for a step that did not happen. */
    public record Timings(Instant started, Instant patched, Instant rolledOut, Instant endpointsReady, Instant finished) {
    }
}
