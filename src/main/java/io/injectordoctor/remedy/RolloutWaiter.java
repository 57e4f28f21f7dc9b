package io.injectordoctor.remedy;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.injectordoctor.DoctorException;
import io.injectordoctor.ExitCode;
import io.injectordoctor.cluster.ResourceKind;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

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

    private final KubernetesClient client;
    private final EndpointReadiness endpoints;
    private final Clock clock;
    private final Pause pause;
    private final Duration interval;
    private final Consumer<String> progress;

    public RolloutWaiter(KubernetesClient client, Clock clock, Pause pause, Duration interval, Consumer<String> progress) {
        this.client = client;
        this.endpoints = new EndpointReadiness(client);
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
                Deployment d = get(t);
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
                List<HealthCheck> waiting = endpoints.checks(t).stream()
                        .filter(c -> c.status() != HealthCheck.Status.OK).toList();
                if (waiting.isEmpty()) {
                    return new Result(Outcome.READY, rollout, rolledOut, clock.instant());
                }
                last = "Waiting for ready endpoints: " + waiting.get(0).name() + ": " + waiting.get(0).detail();
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

    private Deployment get(InjectorTarget t) {
        try {
            return client.apps().deployments().inNamespace(t.namespace()).withName(t.name()).get();
        } catch (KubernetesClientException e) {
            throw ClusterErrors.failure(e, "get", ResourceKind.DEPLOYMENT, t.namespace());
        }
    }
}
