package io.injectordoctor.app;

import io.injectordoctor.cluster.Capture;
import io.injectordoctor.cluster.ClusterGateway;
import io.injectordoctor.cluster.ClusterSnapshot;
import io.injectordoctor.cluster.LiveLoader;
import io.injectordoctor.cluster.LoadRequest;
import io.injectordoctor.cluster.ResourceKind;
import io.injectordoctor.report.CaptureSummary;
import java.io.IOException;
import java.io.Writer;
import java.util.EnumSet;
import java.util.List;

/**
 * {@code snapshot}: every object a diagnosis reads, written as it is read into one file that
 * {@code --snapshot} reads back with identical results. Of secrets, only certificate entries.
 */
public final class SnapshotService {
    private final ClusterAccess access;

    public SnapshotService(ClusterAccess access) {
        this.access = access;
    }

    /** Where the capture goes; opened only once the cluster's configuration is known to be good. */
    public interface Destination {
        Writer open() throws IOException;
    }

    /**
     * @param namespace the namespace whose workloads to capture (null: all)
     * @return what was captured, with the kinds that could not be read
     */
    public CaptureSummary capture(String namespace, Destination destination) throws IOException {
        access.config();
        LoadRequest everything = new LoadRequest(EnumSet.allOf(ResourceKind.class), namespace, null);
        try (ClusterGateway api = access.gateway(); Writer w = destination.open()) {
            String source = api.config().describe();
            try (Capture capture = new Capture(w, source)) {
                ClusterSnapshot s = new LiveLoader(api, access.target().istioNamespace(), capture::add)
                        .load(everything, source);
                capture.finish(s.loaded(), s.unreadable());
                return new CaptureSummary(s.namespaces().size(), s.pods().size(), s.workloads().size(),
                        s.webhookConfigurations().size(), s.secrets().size(), List.copyOf(s.unreadable().values()));
            }
        }
    }
}
