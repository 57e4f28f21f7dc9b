package io.injectordoctor.remedy;

import io.injectordoctor.DoctorException;
import io.injectordoctor.ExitCode;
import io.injectordoctor.cluster.ApiException;
import io.injectordoctor.cluster.ClusterGateway;
import io.injectordoctor.cluster.ObjectConverter;
import io.injectordoctor.cluster.ResourceKind;
import io.injectordoctor.model.WorkloadInfo;
import io.injectordoctor.report.InjectorTarget;
import io.injectordoctor.report.RestartRecord;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Waits like {@code kubectl rollout status}, then until the hook's Service has ready endpoints on
 * its target port (kubectl does not look at endpoints; the API server does). It polls: a watch
 * would be quicker to notice, but polling behaves the same through proxies and is easy to reason
 * about at the one-second scale a rollout has.
 */
public final class RolloutWaiter {
    public enum Outcome { READY, PROGRESS_DEADLINE_EXCEEDED, DELETED, TIMED_OUT }

    /**
     * @param rolledOutAt      when the rollout was seen complete, null if never
     * @param endpointsReadyAt when every hook's Service had a ready endpoint, null if never
     */
    public record Result(Outcome outcome, String message, Instant rolledOutAt, Instant endpointsReadyAt) {
    }

    private final ClusterGateway api;
    private final Supplier<RestartRecord.Judgement> judge;
    private final Clock clock;
    private final Pause pause;
    private final Duration interval;
    private final Consumer<String> progress;

    /** @param judge the injector judged now, by the catalogue's checks */
    public RolloutWaiter(ClusterGateway api, Supplier<RestartRecord.Judgement> judge, Clock clock, Pause pause,
            Duration interval, Consumer<String> progress) {
        this.api = api;
        this.judge = judge;
        this.clock = clock;
        this.pause = pause;
        this.interval = interval;
        this.progress = progress;
    }

    /** @param timeout zero waits without a limit, as kubectl's --timeout=0 does */
    public Result await(InjectorTarget t, Duration timeout) {
        Instant deadline = timeout.isZero() ? Instant.MAX : clock.instant().plus(timeout);
        Instant rolledOut = null;
        String rollout = "waiting for the rollout";
        String last = rollout;
        while (true) {
            if (rolledOut == null) {
                WorkloadInfo d = get(t);
                if (d == null) {
                    return new Result(Outcome.DELETED, "deployment \"" + t.name() + "\" was deleted during the rollout",
                            null, null);
                }
                RolloutStatus.Progress p = RolloutStatus.of(d);
                rollout = p.message();
                last = rollout;
                progress.accept(last);
                if (p.state() == RolloutStatus.State.FAILED) {
                    return new Result(Outcome.PROGRESS_DEADLINE_EXCEEDED, last, null, null);
                }
                if (p.state() == RolloutStatus.State.DONE) {
                    rolledOut = clock.instant();
                }
            }
            if (rolledOut != null) {
                // The endpoints check (ID0801) is what the API server needs: a ready address on the hook's port.
                RestartRecord.Check endpoints = judge.get().checks().stream()
                        .filter(c -> c.id().equals(InjectorJudge.ENDPOINTS)).findFirst().orElse(null);
                if (endpoints == null || endpoints.status() != RestartRecord.Status.PROBLEM) {
                    return new Result(Outcome.READY, rollout, rolledOut, clock.instant());
                }
                last = "Waiting for ready endpoints: " + (endpoints.findings().isEmpty() ? endpoints.title()
                        : endpoints.findings().get(0));
                progress.accept(last);
            }
            if (!clock.instant().isBefore(deadline)) {
                return new Result(Outcome.TIMED_OUT, "timed out waiting for the condition (" + last + ")", rolledOut, null);
            }
            try {
                pause.pause(interval);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DoctorException(ExitCode.FINDINGS, "interrupted while waiting for the rollout of " + t.id());
            }
        }
    }

    private WorkloadInfo get(InjectorTarget t) {
        try {
            return ObjectConverter.workload(api.get(ResourceKind.DEPLOYMENT, t.namespace(), t.name()));
        } catch (ApiException e) {
            if (e.code() == 404) {
                return null;
            }
            throw ClusterErrors.failure(api, e, "get", ResourceKind.DEPLOYMENT, t.namespace());
        }
    }
}
