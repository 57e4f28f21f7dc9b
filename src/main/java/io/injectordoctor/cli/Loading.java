package io.injectordoctor.cli;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.injectordoctor.DoctorException;
import io.injectordoctor.ExitCode;
import io.injectordoctor.cluster.ApiClient;
import io.injectordoctor.cluster.ApiException;
import io.injectordoctor.cluster.ClusterConfig;
import io.injectordoctor.cluster.ClusterSnapshot;
import io.injectordoctor.cluster.LiveLoader;
import io.injectordoctor.cluster.LoadRequest;
import io.injectordoctor.cluster.Permissions;
import io.injectordoctor.cluster.PodStream;
import io.injectordoctor.cluster.ResourceKind;
import io.injectordoctor.cluster.SnapshotFile;
import io.injectordoctor.render.ProgressLine;

/** Chooses where the cluster state comes from: --snapshot FILE, --demo, or the live cluster. */
public final class Loading {
    private Loading() {
    }

    /** The fabric8 configuration for the chosen live cluster (or the demo cluster). */
    public static Config config(GlobalOptions g) {
        if (g.snapshot != null) {
            throw new DoctorException(ExitCode.USAGE, "this command needs a live cluster; --snapshot cannot be used with it");
        }
        if (g.demo) {
            return DemoSupport.config(g);
        }
        return ClusterConfig.build(g.kubeconfig, g.context, g.requestTimeoutSeconds);
    }

    /** The namespace of the subject: -n, else the context's namespace, else "default". */
    public static String namespace(GlobalOptions g) {
        if (g.namespace != null) {
            return g.namespace;
        }
        if (g.snapshot != null) {
            return "default";
        }
        return ClusterConfig.defaultNamespace(config(g));
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
        Config config = config(g);
        try (ApiClient api = new ApiClient(config)) {
            return loadShowingProgress(g, api, req, config);
        }
    }

    /** Loads with a progress line on a terminal: the resource being read, its pages and objects so far. */
    private static ClusterSnapshot loadShowingProgress(GlobalOptions g, ApiClient api, LoadRequest req, Config config) {
        try (ProgressLine progress = ProgressLine.forTerminal(new java.io.PrintWriter(System.err, true),
                g.output == GlobalOptions.OutputFormat.text)) {
            java.util.Map<String, Integer> pages = new java.util.HashMap<>();
            api.onPage((path, items) -> progress.show(String.format(java.util.Locale.ROOT, "reading %s: page %d, %,d so far",
                    resourceOf(path), pages.merge(path, 1, Integer::sum), items)));
            ClusterSnapshot s = new LiveLoader(api, g.istioNamespace).load(req, ClusterConfig.describe(config));
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
        Config config = config(g);
        try (ApiClient api = new ApiClient(config)) {
            ClusterSnapshot s = loadShowingProgress(g, api, req, config);
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

    /** A full fabric8 client, for commands that act (restart) or stream (port-forward). */
    public static KubernetesClient client(GlobalOptions g) {
        return new KubernetesClientBuilder().withConfig(config(g)).build();
    }

    public static DoctorException failure(KubernetesClientException e, String verb, ResourceKind kind,
            String namespace) {
        int code = e.getCode();
        String server = "the API server";
        return Permissions.failure(new ApiException(code, verb, "", e.getStatus() != null
                && e.getStatus().getMessage() != null ? e.getStatus().getMessage() : String.valueOf(e.getMessage()), e),
                server, verb, kind, namespace);
    }
}
