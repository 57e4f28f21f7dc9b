package io.injectordoctor.remedy;

import io.injectordoctor.DoctorException;
import io.injectordoctor.ExitCode;
import io.injectordoctor.cluster.ClusterGateway;
import io.injectordoctor.cluster.ClusterSnapshot;
import io.injectordoctor.model.WorkloadInfo;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The runbook's remediation, end to end: find the injector, assess it, restart it the way
 * {@code kubectl rollout restart} does (with consent), wait for the rollout and the endpoints,
 * assess again. Nothing is patched before the assessment found a problem (or --force), the
 * permission was confirmed, and the user agreed (--yes, or yes on the terminal).
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

    private final ClusterGateway api;
    private final Supplier<ClusterSnapshot> state;
    private final HealthAssessor assessor;
    private final Clock clock;
    private final Pause pause;
    private final Consumer<String> progress;
    private final Consent consent;

    /**
     * @param consent null when not on a terminal: then only --yes allows the change
     */
    public RestartInjector(ClusterGateway api, String istioNamespace, HealthAssessor assessor, Clock clock, Pause pause,
            Consumer<String> progress, Consent consent) {
        this.api = api;
        this.state = new InjectorState(api, istioNamespace);
        this.assessor = assessor;
        this.clock = clock;
        this.pause = pause;
        this.progress = progress;
        this.consent = consent;
    }

    /** The minimal built-in assessment: endpoints, then every hook's caBundle against the mesh root. */
    public static HealthAssessor defaultAssessor(String istioNamespace) {
        return HealthAssessor.all(new EndpointReadiness(), new CaBundleMatch(istioNamespace));
    }

    public RestartRecord run(Options o) {
        TargetChoice.validate(o.deployment());
        Instant started = clock.instant();
        ClusterSnapshot first = state.get();
        InjectorTarget target = TargetChoice.choose(InjectorLocator.candidates(first), o.revision(), o.deployment());
        InjectorHealth before = assessor.assess(first, target);
        if (before.healthy() && !o.force()) {
            return done(target, null, o, List.of(), new RestartRecord.Timings(started, null, null, null, clock.instant()),
                    before, null, null, RestartRecord.Result.NOTHING_TO_DO, List.of());
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
        RolloutRestarter.Patch patch = RolloutRestarter.patchFor(RolloutRestarter.restartedAt(clock));
        if (o.dryRun()) {
            restarter.apply(target, current, patch, true);
            return done(target, patch, o, warnings, new RestartRecord.Timings(started, null, null, null, clock.instant()),
                    before, null, null, RestartRecord.Result.DRY_RUN, List.of());
        }
        if (!o.yes()) {
            if (consent == null) {
                throw new DoctorException(ExitCode.USAGE, "not on a terminal, so not asking: pass --yes to restart "
                        + target.id() + " (or --dry-run to see the patch)");
            }
            if (!consent.confirm(summary(target, before, warnings, patch))) {
                return done(target, null, o, warnings, new RestartRecord.Timings(started, null, null, null, clock.instant()),
                        before, null, null, RestartRecord.Result.DECLINED, List.of("Nothing was changed."));
            }
        }
        restarter.apply(target, current, patch, false);
        Instant patched = clock.instant();
        RolloutWaiter.Result waited = new RolloutWaiter(api, state, clock, pause, o.pollInterval(), progress)
                .await(target, o.timeout());
        InjectorHealth after = assessor.assess(state.get(), target);
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
        RestartRecord.Result result = switch (waited.outcome()) {
            case READY -> after.healthy() ? (before.healthy() ? RestartRecord.Result.HEALTHY : RestartRecord.Result.FIXED)
                    : RestartRecord.Result.STILL_BROKEN;
            case TIMED_OUT -> RestartRecord.Result.TIMED_OUT;
            case PROGRESS_DEADLINE_EXCEEDED, DELETED -> RestartRecord.Result.ROLLOUT_FAILED;
        };
        return done(target, patch, o, warnings, timings, before, waited.message(), after, result, next);
    }

    /**
     * A new istiod rewrites the caBundle of its configurations shortly after it starts, not
     * necessarily before it is ready: problems that remain get this long to clear.
     */
    static final Duration SETTLE = Duration.ofSeconds(30);

    private InjectorHealth settle(InjectorTarget t, InjectorHealth after, Instant until, Duration interval) {
        InjectorHealth h = after;
        while (!h.healthy() && clock.instant().isBefore(until)) {
            HealthCheck first = h.problems().get(0);
            progress.accept("Waiting for the remaining problems to clear: " + first.name() + ": " + first.detail());
            try {
                pause.pause(interval);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            h = assessor.assess(state.get(), t);
        }
        return h;
    }

    /** What the terminal shows before asking. */
    static String summary(InjectorTarget t, InjectorHealth before, List<String> warnings, RolloutRestarter.Patch patch) {
        StringBuilder sb = new StringBuilder();
        sb.append("This restarts deployment ").append(t.id()).append(" (revision ").append(t.revision()).append(").\n");
        if (!before.healthy()) {
            sb.append("Problems that motivate it:\n");
            for (HealthCheck c : before.problems()) {
                sb.append("  ").append(c.name()).append(": ").append(c.detail()).append('\n');
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

    private static RestartRecord done(InjectorTarget t, RolloutRestarter.Patch patch, Options o, List<String> warnings,
            RestartRecord.Timings timings, InjectorHealth before, String rollout, InjectorHealth after,
            RestartRecord.Result result, List<String> next) {
        return new RestartRecord(t, patch, o.dryRun(), warnings, timings, RestartRecord.Assessment.of(before), rollout,
                RestartRecord.Assessment.of(after), result, result.exitCode(), next);
    }
}
