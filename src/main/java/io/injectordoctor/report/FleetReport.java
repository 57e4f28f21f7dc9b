package io.injectordoctor.report;

import java.util.List;

/** One command run against several clusters: a row per kubeconfig context, in the order given. */
public record FleetReport(int schemaVersion, String command, List<Cluster> clusters) {
    public static final int SCHEMA_VERSION = 1;

    public FleetReport {
        clusters = List.copyOf(clusters);
    }

    /**
     * One cluster's outcome.
     *
     * @param summary the command's own summary (as its JSON output has it), or null when it failed
     * @param error   why the command failed on this cluster, or null
     */
    public record Cluster(String context, int exitCode, String status, Object summary, String error) {
    }
}
