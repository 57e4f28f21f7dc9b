package io.injectordoctor.app;

import io.injectordoctor.cluster.ClusterConfig;
import io.injectordoctor.demo.DemoCluster;
import io.injectordoctor.demo.Scenario;

/**
 * The embedded demo cluster behind --demo: started on first use and kept up for the life of the
 * process (one per process, whatever the number of commands run in it); every command then reads it
 * through the same live code path as a real cluster.
 */
final class DemoClusters {
    private static DemoCluster demo;

    private DemoClusters() {
    }

    static synchronized ClusterConfig config() {
        if (demo == null) {
            demo = DemoCluster.start(Scenario.HEALTHY);
            Runtime.getRuntime().addShutdownHook(new Thread(demo::close));
        }
        return demo.config();
    }
}
