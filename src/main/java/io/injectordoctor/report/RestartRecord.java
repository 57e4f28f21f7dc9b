package io.injectordoctor.report;

import java.time.Instant;
import java.util.List;

/**
 * Everything one run of restart-injector did and saw; {@code -o json} prints it whole.
 *
 * @param patch    the patch sent, null when none was sent
 * @param before   the catalogue's checks of the injector before anything was done
 * @param rollout  the last rollout status line, null when there was no rollout
 * @param after    the same checks after the restart, null when nothing was restarted or they could not be run
 * @param changes  before against after, check by check; empty when there is no after
 * @param outcome  when the restart was made but what followed failed: why its outcome is unknown; else null
 */
public record RestartRecord(InjectorTarget target, Patch patch, boolean dryRun, List<String> warnings, Timings timings,
        Judgement before, String rollout, Judgement after, List<Change> changes, Result result, int exitCode,
        String outcome, List<String> nextSteps) {

    public RestartRecord {
        warnings = List.copyOf(warnings);
        changes = List.copyOf(changes);
        nextSteps = List.copyOf(nextSteps);
    }

    /** The exit code of a restart that was made and whose outcome could not be confirmed. */
    public static final int RESTARTED_OUTCOME_UNKNOWN = 3;

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
        TIMED_OUT(1),
        /** The patch was accepted (the restart was made), then reading its outcome failed: do not restart again. */
        RESTARTED_OUTCOME_UNKNOWN(RestartRecord.RESTARTED_OUTCOME_UNKNOWN);

        private final int exitCode;

        Result(int exitCode) {
            this.exitCode = exitCode;
        }

        public int exitCode() {
            return exitCode;
        }
    }

    /** The patch as sent. */
    public record Patch(String type, String body, String fieldManager, String restartedAt) {
    }

    /** Points in time of the run; null for a step that did not happen. */
    public record Timings(Instant started, Instant patched, Instant rolledOut, Instant endpointsReady, Instant finished) {
    }

    /** How a check judged the injector: a problem (an error finding), a warning, fine, or not judged. */
    public enum Status { OK, WARNING, PROBLEM, UNKNOWN }

    /** The checks of one moment; healthy when none of them is a problem. */
    public record Judgement(boolean healthy, List<Check> checks) {
        public Judgement {
            checks = List.copyOf(checks);
        }
    }

    /**
     * One check of the catalogue, restricted to the target injector.
     *
     * @param findings "subject: message" of each finding about the injector
     * @param skipReason why it could not be judged, when UNKNOWN
     */
    public record Check(String id, String title, Status status, List<String> findings, String skipReason) {
        public Check {
            findings = List.copyOf(findings);
        }
    }

    /**
     * One check before and after: what was found before and is gone, what remains, what is new.
     *
     * @param after null when the check was not run after
     */
    public record Change(String id, String title, Status before, Status after, List<String> resolved,
            List<String> remaining, List<String> appeared) {
        public Change {
            resolved = List.copyOf(resolved);
            remaining = List.copyOf(remaining);
            appeared = List.copyOf(appeared);
        }
    }
}
