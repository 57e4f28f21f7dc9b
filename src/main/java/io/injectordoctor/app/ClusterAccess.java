package io.injectordoctor.app;

import io.injectordoctor.DoctorException;
import io.injectordoctor.ExitCode;
import io.injectordoctor.cluster.ClusterConfig;
import io.injectordoctor.cluster.ClusterGateway;
import io.injectordoctor.cluster.ClusterSnapshot;
import io.injectordoctor.cluster.ConfigResolver;
import io.injectordoctor.cluster.Environment;
import io.injectordoctor.cluster.LiveLoader;
import io.injectordoctor.cluster.LoadRequest;
import io.injectordoctor.cluster.Paths;
import io.injectordoctor.cluster.PodStream;
import io.injectordoctor.cluster.ResourceKind;
import io.injectordoctor.cluster.SnapshotFile;
import io.injectordoctor.decision.RequestUser;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Where the cluster state of one run comes from: a snapshot file, the demo cluster, or the live
 * cluster of a resolved kubeconfig. The kubeconfig is resolved once per run (a kubeconfig given as
 * /dev/stdin or a process substitution can be read once only).
 */
public final class ClusterAccess {
    private final Target target;
    private final Progress progress;
    private ClusterConfig config;

    /** @param progress where reading says what it is doing */
    public ClusterAccess(Target target, Progress progress) {
        this.target = target;
        this.progress = progress;
    }

    public Target target() {
        return target;
    }

    public boolean fromSnapshot() {
        return target.snapshot() != null;
    }

    /** The resolved configuration of the chosen live cluster (or the demo cluster). */
    public synchronized ClusterConfig config() {
        if (target.snapshot() != null) {
            throw new DoctorException(ExitCode.USAGE, "this command needs a live cluster; --snapshot cannot be used with it");
        }
        if (config == null) {
            config = resolve();
        }
        return config;
    }

    private ClusterConfig resolve() {
        Duration timeout = requestTimeout(target.requestTimeoutSeconds());
        if (target.demo()) {
            return DemoClusters.config().withTimeout(timeout);
        }
        return ConfigResolver.resolve(new ConfigResolver.Request(target.kubeconfig(), target.context(), timeout,
                target.asUser(), target.asGroups()),
                Environment.system());
    }

    /** --request-timeout as kubectl reads it: 0 means no limit, a negative value is a usage error. */
    public static Duration requestTimeout(int seconds) {
        if (seconds < 0) {
            throw new DoctorException(ExitCode.USAGE, "--request-timeout must not be negative (0 means no limit), got "
                    + seconds);
        }
        return Duration.ofSeconds(seconds);
    }

    /** The one gateway to the chosen cluster. */
    public ClusterGateway gateway() {
        return ClusterGateway.open(config());
    }

    /** The namespace of the subject: -n, else the context's namespace, else "default". */
    public String namespace() {
        if (target.namespace() != null) {
            return target.namespace();
        }
        if (target.snapshot() != null) {
            return "default";
        }
        return config().defaultNamespace();
    }

    /** --as and --as-group, as the API server would see the impersonated user; null when not given. */
    public RequestUser requestUser() {
        if (target.asUser() == null) {
            if (!target.asGroups().isEmpty()) {
                throw new DoctorException(ExitCode.USAGE, "--as-group needs --as: a group is impersonated only with a user");
            }
            return null;
        }
        if (target.asUser().isBlank()) {
            throw new DoctorException(ExitCode.USAGE, "--as needs a user name");
        }
        return RequestUser.impersonated(target.asUser(), target.asGroups());
    }

    public ClusterSnapshot snapshot(LoadRequest req) {
        if (target.snapshot() != null) {
            ClusterSnapshot s = SnapshotFile.load(target.snapshot(), target.istioNamespace());
            if (req.podName() != null) {
                // A capture that could not read the pods cannot say a pod is not there.
                require(s, ResourceKind.POD);
            }
            if (req.podName() != null && s.pod(req.namespace(), req.podName()).isEmpty()) {
                throw new DoctorException(ExitCode.USAGE, "pod " + req.namespace() + "/" + req.podName()
                        + " not found in " + target.snapshot());
            }
            if (req.namespace() != null && req.wants(ResourceKind.NAMESPACE)
                    && !s.unreadable().containsKey(ResourceKind.NAMESPACE) && s.namespace(req.namespace()).isEmpty()) {
                throw new DoctorException(ExitCode.USAGE, "namespace " + req.namespace() + " not found in "
                        + target.snapshot());
            }
            return s;
        }
        try (ClusterGateway api = gateway()) {
            return loadShowingProgress(api, req, o -> { });
        }
    }

    /**
     * The namespaces that hold a pod of this name, for an error that says where it is: from the
     * snapshot file, or with one request across namespaces (a field selector on the name). Empty
     * when there is none or the question cannot be answered.
     */
    public List<String> namespacesOfPod(String name) {
        try {
            if (target.snapshot() != null) {
                return SnapshotFile.load(target.snapshot(), target.istioNamespace()).pods().stream()
                        .filter(p -> name.equals(p.meta().name())).map(p -> p.meta().namespace()).distinct().sorted()
                        .toList();
            }
            try (ClusterGateway api = gateway()) {
                String selector = URLEncoder.encode("metadata.name=" + name, StandardCharsets.UTF_8);
                return api.firstPage(Paths.collection(ResourceKind.POD, null) + "?fieldSelector=" + selector).stream()
                        .filter(i -> name.equals(i.path("metadata").path("name").asText()))
                        .map(i -> i.path("metadata").path("namespace").asText())
                        .filter(ns -> !ns.isEmpty()).distinct().sorted().toList();
            }
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    /** Loads live, handing every object read (as a capture holds it) to {@code tap}. */
    public ClusterSnapshot capture(LoadRequest req, Consumer<com.fasterxml.jackson.databind.JsonNode> tap) {
        try (ClusterGateway api = gateway()) {
            return loadShowingProgress(api, req, tap);
        }
    }

    /** Loads with a progress line on a terminal: the resource being read, its pages and objects so far. */
    private ClusterSnapshot loadShowingProgress(ClusterGateway api, LoadRequest req,
            Consumer<com.fasterxml.jackson.databind.JsonNode> tap) {
        Map<String, Integer> pages = new HashMap<>();
        api.onPage((path, items) -> progress.show(String.format(Locale.ROOT, "reading %s: page %d, %,d so far",
                resourceOf(path), pages.merge(path, 1, Integer::sum), items)));
        try {
            // The demo's address is a random local port: naming it would send the reader looking for it.
            String source = target.demo() ? "the embedded demo cluster" : api.config().describe();
            return new LiveLoader(api, target.istioNamespace(), tap).load(req, source);
        } finally {
            api.onPage((path, items) -> { });
            progress.clear();
        }
    }

    /** What an audit of many pods works on: the cluster without its pods, and the pods as a stream. */
    public interface PodAudit<T> {
        T run(ClusterSnapshot cluster, PodStream pods);
    }

    /**
     * Loads what {@code req} asks for (which must not include pods), then hands the pods of
     * {@code podNamespace} (null: all) over one page at a time while the gateway is still open.
     * From a snapshot file, the pods come in the file's order.
     */
    public <T> T auditPods(LoadRequest req, String podNamespace, PodAudit<T> audit) {
        if (target.snapshot() != null) {
            ClusterSnapshot s = snapshot(req);
            return audit.run(s, each -> s.pods().stream()
                    .filter(p -> podNamespace == null || podNamespace.equals(p.meta().namespace())).forEach(each));
        }
        try (ClusterGateway api = gateway()) {
            ClusterSnapshot s = loadShowingProgress(api, req, o -> { });
            // The rows printed as each page arrives are the progress from here on.
            LiveLoader pods = new LiveLoader(api, target.istioNamespace());
            return audit.run(s, each -> pods.streamPods(podNamespace, each));
        }
    }

    private static String resourceOf(String path) {
        String p = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        return p.substring(p.lastIndexOf('/') + 1);
    }

    /**
     * Stops when a kind the command cannot do without could not be read: 77 naming the missing
     * permission, 69 when the API server failed to give it (no partial verdicts), 65 when the
     * snapshot file lacks it (its capture could not read it).
     */
    public static void require(ClusterSnapshot s, ResourceKind... kinds) {
        for (ResourceKind k : kinds) {
            String why = s.unreadable().get(k);
            if (why == null) {
                continue;
            }
            if (s.fromFile()) {
                throw new DoctorException(ExitCode.DATA, s.source() + " lacks " + k.qualifiedResource() + ": " + why);
            }
            throw new DoctorException(s.failed().containsKey(k) ? ExitCode.UNAVAILABLE : ExitCode.NOPERM, why);
        }
    }

    /** Stops the HTTP client's selector thread, which otherwise holds the JVM's exit up to 0.3 s. */
    public static void releaseThreads() {
        io.injectordoctor.cluster.HttpSelectorThreads.stop();
    }
}
