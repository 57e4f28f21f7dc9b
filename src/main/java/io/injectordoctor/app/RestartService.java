package io.injectordoctor.app;

import io.injectordoctor.cluster.ClusterGateway;
import io.injectordoctor.remedy.Pause;
import io.injectordoctor.remedy.RestartInjector;
import io.injectordoctor.remedy.TargetChoice;
import io.injectordoctor.report.RestartRecord;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * {@code restart-injector}: the runbook's remediation, judged by the catalogue's checks before and
 * after. The record carries its own exit code (fixed, a problem remains, the outcome unknown).
 */
public final class RestartService {
    private final ClusterAccess access;

    public RestartService(ClusterAccess access) {
        this.access = access;
    }

    /** What to restart, and how: the command's options. */
    public record Options(String revision, String deployment, boolean force, boolean yes, boolean dryRun,
            Duration timeout, Duration pollInterval) {
    }

    /**
     * @param progress where the rollout's progress goes as it happens
     * @param consent  who is asked before anything changes, shown what will change (null: nobody can be asked)
     */
    public Outcome<RestartRecord> run(Options options, Consumer<String> progress, Predicate<String> consent) {
        // A malformed --deployment costs no cluster connection.
        TargetChoice.validate(options.deployment());
        try (ClusterGateway api = access.gateway()) {
            RestartRecord record = new RestartInjector(api, access.target().istioNamespace(), Clock.systemUTC(),
                    Pause.sleeping(), progress, consent == null ? null : consent::test).run(
                            new RestartInjector.Options(options.revision(), options.deployment(), options.force(),
                                    options.yes(), options.dryRun(), options.timeout(), options.pollInterval()));
            return new Outcome<>(record, record.exitCode());
        }
    }
}
