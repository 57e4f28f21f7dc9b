package io.injectordoctor.cli;

import java.util.List;
import picocli.CommandLine.Option;

/** Run one command against several clusters (kubeconfig contexts) at once. */
public final class FleetOptions {
    @Option(names = "--contexts", split = ",", paramLabel = "CTX[,CTX...]",
            description = "Run against each of these kubeconfig contexts and print one summary row per cluster.")
    List<String> contexts;

    @Option(names = "--all-contexts", description = "Run against every context of the kubeconfig.")
    boolean allContexts;

    @Option(names = "--parallel", paramLabel = "N", defaultValue = "4",
            description = "With --contexts or --all-contexts: clusters checked at once (default: ${DEFAULT-VALUE}).")
    int parallel = 4;

    boolean active() {
        return allContexts || (contexts != null && !contexts.isEmpty());
    }
}
