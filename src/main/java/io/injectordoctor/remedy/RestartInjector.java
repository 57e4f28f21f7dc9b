package io.injectordoctor.remedy;

import io.injectordoctor.DoctorException;
import io.injectordoctor.ExitCode;
import io.injectordoctor.checks.CheckRegistry;
import io.injectordoctor.cluster.ApiException;
import io.injectordoctor.cluster.ClusterGateway;
import io.injectordoctor.cluster.ClusterSnapshot;
import io.injectordoctor.model.WorkloadInfo;
import io.injectordoctor.report.InjectorTarget;
import io.injectordoctor.report.RestartRecord;
import io.injectordoctor.report.RestartRecord.Judgement;
import io.injectordoctor.report.RestartRecord.Result;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The runbook's remediation, end to end: find the injector, judge it with the catalogue's checks,
 * restart it the way {@code kubectl rollout restart} does (with consent), wait for the rollout and
 * the endpoints, judge again; the report is the difference. Nothing is patched before the checks
 * found a problem (or --force), the permission was confirmed, and the user agreed (--yes, or yes
 * on the terminal). Once the patch is accepted the restart is reported as made, whatever happens
 * after it.
 */
public final class RestartInjector {
    /**
     * @param revision     --revision, null when not given
     * @param deployment   --deployment NS/NAME, null when not given
     * @param timeout      how long to wait for the rollout and the endpoints; zero waits forever
     * @param pollInterval time between two polls while waiting
     */
    public record Options(String revision, String deployment, boolean force, boolean yes, boolean dryRun,
            Duration timeout, Duration pollInterval) {
    }

    /** Asks the person at the terminal. */
    @FunctionalInterface
    public interface Consent {
        boolean confirm(String whatWillChange);
    }

    /**
     * A new istiod rewrites the caBundle of its configurations shortly after it starts, not
     * necessarily before it is ready: problems that remain get this long to clear.
     */
    static final Duration SETTLE = Duration.ofSeconds(30);

    private final ClusterGateway api;
    private final InjectorState state;
    private final InjectorJudge judge;
    private final Clock clock;
    private final Pause pause;
    private final Consumer<String> progress;
    private final Consent consent;

    /** @param consent null when not on a terminal: then only --yes allows the change */
    public RestartInjector(ClusterGateway api, String istioNamespace, Clock clock, Pause pause, Consumer<String> progress,
            Consent consent) {
        this.api = api;
        this.judge = new InjectorJudge(CheckRegistry.builtIn());
        this.state = new InjectorState(api, istioNamespace, judge.kinds());
        this.clock = clock;
        this.pause = pause;
        this.progress = progress;
        this.consent = consent;
    }

    public RestartRecord run(Options o) {
        TargetChoice.validate(o.deployment());
        Instant started = clock.instant();
        ClusterSnapshot first = state.get();
        InjectorTarget target = TargetChoice.choose(InjectorLocator.candidates(first), o.revision(), o.deployment());
        Judgement before = judge.judge(first, target);
        if (before.healthy() && !o.force()) {
            return done(target, null, o, List.of(), new RestartRecord.Timings(started, null, null, null, clock.instant()),
                    before, null, null, Result.NOTHING_TO_DO, null, List.of());
        }
        RolloutRestarter restarter = new RolloutRestarter(api);
        WorkloadInfo current = restarter.read(target);
        RolloutRestarter.refusePaused(current);
        List<String> warnings = new ArrayList<>();
        for (String m : RolloutRestarter.managers(current)) {
            warnings.add("deployment " + target.id() + " is managed by " + m + ": the restart annotation may be reverted"
                    + " and the Deployment shown as drifted");
        }
        restarter.checkPermission(target);
        RestartRecord.Patch patch = RolloutRestarter.patchFor(RolloutRestarter.restartedAt(clock));
        if (o.dryRun()) {
            restarter.apply(target, current, patch, true);
            return done(target, patch, o, warnings, new RestartRecord.Timings(started, null, null, null, clock.instant()),
                    before, null, null, Result.DRY_RUN, null, List.of());
        }
        if (!o.yes()) {
            if (consent == null) {
                throw new DoctorException(ExitCode.USAGE, "not on a terminal, so not asking: pass --yes to restart "
                        + target.id() + " (or --dry-run to see the patch)");
            }
            if (!consent.confirm(summary(target, before, warnings, patch))) {
                return done(target, null, o, warnings, new RestartRecord.Timings(started, null, null, null, clock.instant()),
                        before, null, null, Result.DECLINED, null, List.of("Nothing was changed."));
            }
        }
        restarter.apply(target, current, patch, false);
        Instant patched = clock.instant();
        try {
            return verify(target, o, warnings, patch, started, patched, before);
        } catch (DoctorException | ApiException e) {
            // The restart was made: say so, so that nobody restarts a second time to find out.
            return done(target, patch, o, warnings, new RestartRecord.Timings(started, patched, null, null, clock.instant()),
                    before, null, null, Result.RESTARTED_OUTCOME_UNKNOWN, e.getMessage(),
                    NextSteps.forUnknownOutcome(target, patched));
        }
    }

    /** After the patch: the rollout, the endpoints, the checks again. */
    private RestartRecord verify(InjectorTarget target, Options o, List<String> warnings, RestartRecord.Patch patch,
            Instant started, Instant patched, Judgement before) {
        RolloutWaiter.Result waited = new RolloutWaiter(api, () -> judge.judge(state.get(), target), clock, pause,
                o.pollInterval(), progress).await(target, o.timeout());
        Judgement after = judge.judge(state.get(), target);
        if (waited.outcome() == RolloutWaiter.Outcome.READY) {
            Instant until = waited.endpointsReadyAt().plus(SETTLE);
            if (!o.timeout().isZero() && patched.plus(o.timeout()).isBefore(until)) {
                until = patched.plus(o.timeout());
            }
            after = settle(target, after, until, o.pollInterval());
        }
        RestartRecord.Timings timings = new RestartRecord.Timings(started, patched, waited.rolledOutAt(),
                waited.endpointsReadyAt(), clock.instant());
        List<String> next = new ArrayList<>(NextSteps.forRollout(target, waited.outcome()));
        next.addAll(NextSteps.forProblems(target, after));
        Result result = switch (waited.outcome()) {
            case READY -> after.healthy() ? (before.healthy() ? Result.HEALTHY : Result.FIXED) : Result.STILL_BROKEN;
            case TIMED_OUT -> Result.TIMED_OUT;
            case PROGRESS_DEADLINE_EXCEEDED, DELETED -> Result.ROLLOUT_FAILED;
        };
        return done(target, patch, o, warnings, timings, before, waited.message(), after, result, null, next);
    }

    private Judgement settle(InjectorTarget t, Judgement after, Instant until, Duration interval) {
        Judgement j = after;
        while (!j.healthy() && clock.instant().isBefore(until)) {
            RestartRecord.Check first = j.checks().stream().filter(c -> c.status() == RestartRecord.Status.PROBLEM)
                    .findFirst().orElseThrow();
            progress.accept("Waiting for the remaining problems to clear: " + first.id() + " "
                    + (first.findings().isEmpty() ? first.title() : first.findings().get(0)));
            try {
                pause.pause(interval);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            j = judge.judge(state.get(), t);
        }
        return j;
    }

    /** What the terminal shows before asking. */
    static String summary(InjectorTarget t, Judgement before, List<String> warnings, RestartRecord.Patch patch) {
        StringBuilder sb = new StringBuilder();
        sb.append("Injector: deployment ").append(t.describe()).append('\n');
        List<RestartRecord.Check> problems = before.checks().stream()
                .filter(c -> c.status() == RestartRecord.Status.PROBLEM).toList();
        if (!problems.isEmpty()) {
            sb.append("Problems:\n");
            for (RestartRecord.Check c : problems) {
                for (String f : c.findings()) {
                    sb.append("  ").append(c.id()).append(' ').append(f).append('\n');
                }
            }
        } else {
            sb.append("No problem was found (--force).\n");
        }
        for (String w : warnings) {
            sb.append("Warning: ").append(w).append('\n');
        }
        sb.append("Change: set pod template annotation ").append(RolloutRestarter.ANNOTATION).append('=')
                .append(patch.restartedAt()).append(", nothing else; the pods are replaced one by one.\n");
        sb.append("Patch (").append(patch.type()).append(", fieldManager=").append(patch.fieldManager()).append("): ")
                .append(patch.body()).append('\n');
        return sb.toString();
    }

    private static RestartRecord done(InjectorTarget t, RestartRecord.Patch patch, Options o, List<String> warnings,
            RestartRecord.Timings timings, Judgement before, String rollout, Judgement after, Result result,
            String outcome, List<String> next) {
        return new RestartRecord(t, patch, o.dryRun(), warnings, timings, before, rollout, after,
                CheckChanges.between(before, after), result, result.exitCode(), outcome, next);
    }
}
