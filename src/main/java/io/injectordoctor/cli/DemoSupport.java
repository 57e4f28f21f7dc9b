package io.injectordoctor.cli;

import io.injectordoctor.cluster.ClusterConfig;
import io.injectordoctor.demo.DemoCluster;

/**
 * Starts the embedded demo cluster for --demo and keeps it up for the life of the process; every
 * command then reads it through the same live code path as a real cluster.
 */
final class DemoSupport {
    private static DemoCluster demo;

    private DemoSupport() {
    }

    static synchronized ClusterConfig config(GlobalOptions g) {
        if (demo == null) {
            demo = DemoCluster.start(io.injectordoctor.demo.Scenario.HEALTHY);
            Runtime.getRuntime().addShutdownHook(new Thread(demo::close));
        }
        return demo.config();
    }
}
