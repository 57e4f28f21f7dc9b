package io.injectordoctor.cli;

import io.injectordoctor.DoctorException;
import io.injectordoctor.ExitCode;
import io.injectordoctor.cluster.ClusterConfig;
import io.injectordoctor.cluster.ClusterGateway;
import io.injectordoctor.cluster.ClusterSnapshot;
import io.injectordoctor.cluster.ConfigResolver;
import io.injectordoctor.cluster.Environment;
import io.injectordoctor.cluster.LiveLoader;
import io.injectordoctor.cluster.LoadRequest;
import io.injectordoctor.cluster.PodStream;
import io.injectordoctor.cluster.ResourceKind;
import io.injectordoctor.cluster.SnapshotFile;
import io.injectordoctor.render.ProgressLine;
import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

/** Chooses where the cluster state comes from: --snapshot FILE, --demo, or the live cluster. */
public final class Loading {
    private Loading() {
    }

    // Resolved once per invocation: a kubeconfig given as /dev/stdin or a process substitution can be read once only.
    private static final Map<GlobalOptions, ClusterConfig> RESOLVED = Collections.synchronizedMap(new WeakHashMap<>());

    /** The resolved configuration of the chosen live cluster (or the demo cluster). */
    public static ClusterConfig config(GlobalOptions g) {
        if (g.snapshot != null) {
            throw new DoctorException(ExitCode.USAGE, "this command needs a live cluster; --snapshot cannot be used with it");
        }
        ClusterConfig c = RESOLVED.get(g);
        if (c == null) {
            c = resolve(g);
            RESOLVED.put(g, c);
        }
        return c;
    }

    private static ClusterConfig resolve(GlobalOptions g) {
        Duration timeout = requestTimeout(g.requestTimeoutSeconds);
        if (g.demo) {
            return DemoSupport.config(g).withTimeout(timeout);
        }
        // --as and --as-group, where the global options carry them, go into the request's asUser and asGroups.
        return ConfigResolver.resolve(ConfigResolver.Request.of(g.kubeconfig, g.context, timeout), Environment.system());
    }

    /** --request-timeout as kubectl reads it: 0 means no limit, a negative value is a usage error. */
    static Duration requestTimeout(int seconds) {
        if (seconds < 0) {
            throw new DoctorException(ExitCode.USAGE, "--request-timeout must not be negative (0 means no limit), got "
                    + seconds);
        }
        return Duration.ofSeconds(seconds);
    }

    /** The one gateway to the chosen cluster. */
    public static ClusterGateway gateway(GlobalOptions g) {
        return ClusterGateway.open(config(g));
    }

    /** The namespace of the subject: -n, else the context's namespace, else "default". */
    public static String namespace(GlobalOptions g) {
        if (g.namespace != null) {
            return g.namespace;
        }
        if (g.snapshot != null) {
            return "default";
        }
        return config(g).defaultNamespace();
    }

    public static ClusterSnapshot snapshot(GlobalOptions g, LoadRequest req) {
        if (g.snapshot != null) {
            ClusterSnapshot s = SnapshotFile.load(g.snapshot, g.istioNamespace);
            if (req.podName() != null && s.pod(req.namespace(), req.podName()).isEmpty()) {
                throw new DoctorException(ExitCode.USAGE, "pod " + req.namespace() + "/" + req.podName()
                        + " not found in " + g.snapshot);
            }
            if (req.namespace() != null && req.wants(ResourceKind.NAMESPACE)
                    && s.namespace(req.namespace()).isEmpty()) {
                throw new DoctorException(ExitCode.USAGE, "namespace " + req.namespace() + " not found in " + g.snapshot);
            }
            return s;
        }
        try (ClusterGateway api = gateway(g)) {
            return loadShowingProgress(g, api, req);
        }
    }

    /** Loads with a progress line on a terminal: the resource being read, its pages and objects so far. */
    private static ClusterSnapshot loadShowingProgress(GlobalOptions g, ClusterGateway api, LoadRequest req) {
        try (ProgressLine progress = ProgressLine.forTerminal(new java.io.PrintWriter(System.err, true),
                g.output == GlobalOptions.OutputFormat.text)) {
            java.util.Map<String, Integer> pages = new java.util.HashMap<>();
            api.onPage((path, items) -> progress.show(String.format(java.util.Locale.ROOT, "reading %s: page %d, %,d so far",
                    resourceOf(path), pages.merge(path, 1, Integer::sum), items)));
            ClusterSnapshot s = new LiveLoader(api, g.istioNamespace).load(req, api.config().describe());
            api.onPage((path, items) -> { });
            return s;
        }
    }

    /** What an audit of many pods works on: the cluster without its pods, and the pods as a stream. */
    public interface PodAudit<T> {
        T run(ClusterSnapshot cluster, PodStream pods);
    }

    /**
     * Loads what {@code req} asks for (which must not include pods), then hands the pods of
     * {@code podNamespace} (null: all) over one page at a time while the API client is still open.
     * From a snapshot file, the pods come in the file's order.
     */
    public static <T> T auditPods(GlobalOptions g, LoadRequest req, String podNamespace, PodAudit<T> audit) {
        if (g.snapshot != null) {
            ClusterSnapshot s = snapshot(g, req);
            return audit.run(s, each -> s.pods().stream()
                    .filter(p -> podNamespace == null || podNamespace.equals(p.meta().namespace())).forEach(each));
        }
        try (ClusterGateway api = gateway(g)) {
            ClusterSnapshot s = loadShowingProgress(g, api, req);
            // The rows printed as each page arrives are the progress from here on.
            LiveLoader pods = new LiveLoader(api, g.istioNamespace);
            return audit.run(s, each -> pods.streamPods(podNamespace, each));
        }
    }

    private static String resourceOf(String path) {
        String p = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        return p.substring(p.lastIndexOf('/') + 1);
    }

    /** Stops with exit 77 and the missing permission when a kind the command cannot do without was refused. */
    public static void require(ClusterSnapshot s, ResourceKind... kinds) {
        for (ResourceKind k : kinds) {
            String why = s.unreadable().get(k);
            if (why != null) {
                throw new DoctorException(ExitCode.NOPERM, why);
            }
        }
    }
}
