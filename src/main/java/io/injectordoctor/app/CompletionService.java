package io.injectordoctor.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.injectordoctor.checks.Check;
import io.injectordoctor.cluster.ClusterConfig;
import io.injectordoctor.cluster.ClusterGateway;
import io.injectordoctor.cluster.ConfigResolver;
import io.injectordoctor.cluster.Environment;
import io.injectordoctor.cluster.Kubeconfig;
import io.injectordoctor.cluster.Paths;
import io.injectordoctor.cluster.ResourceKind;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What the shell completes for a word: check ids and contexts from what is at hand; namespaces, pods
 * and workloads from the cluster of the kubeconfig, with one request (the first page of the list) and a
 * short timeout. A failure
 * of any kind gives no candidates: completion never prints an error into the user's command line.
 */
public final class CompletionService {
    /** A TAB that waits longer than this is worse than no completion. */
    public static final Duration TIMEOUT = Duration.ofSeconds(2);
    /** Object names as Kubernetes allows them (DNS subdomains); anything else is not offered to the shell. */
    private static final Pattern NAME = Pattern.compile("[a-z0-9]([-a-z0-9.]*[a-z0-9])?");
    private static final Map<String, ResourceKind> WORKLOADS = Map.of("pod", ResourceKind.POD,
            "deployment", ResourceKind.DEPLOYMENT, "statefulset", ResourceKind.STATEFULSET,
            "daemonset", ResourceKind.DAEMONSET, "replicaset", ResourceKind.REPLICASET, "job", ResourceKind.JOB);

    private final Path kubeconfig;
    private final String context;
    private final String namespace;
    private final Environment env;

    public CompletionService(Path kubeconfig, String context, String namespace, Environment env) {
        this.kubeconfig = kubeconfig;
        this.context = context;
        this.namespace = namespace;
        this.env = env;
    }

    public static CompletionService of(Path kubeconfig, String context, String namespace) {
        return new CompletionService(kubeconfig, context, namespace, Environment.system());
    }

    /**
     * Candidates for {@code what}: {@code checks}, {@code contexts}, {@code namespaces}, or
     * {@code KIND/} (pod, deployment, statefulset, daemonset, replicaset, job, namespace) for
     * {@code KIND/NAME} words.
     */
    public List<String> candidates(String what) {
        try {
            return switch (what) {
                case "checks" -> CheckService.registry(null).ordered().stream().map(Check::id).toList();
                case "contexts" -> List.copyOf(Kubeconfig.load(kubeconfig, env).contexts().keySet());
                case "namespaces" -> names(Paths.collection(ResourceKind.NAMESPACE, null), "");
                default -> objects(what);
            };
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    private List<String> objects(String what) {
        int slash = what.indexOf('/');
        if (slash < 0) {
            return List.of();
        }
        String kind = what.substring(0, slash).toLowerCase(Locale.ROOT);
        if (kind.equals("namespace") || kind.equals("ns")) {
            return names(Paths.collection(ResourceKind.NAMESPACE, null), kind + "/");
        }
        ResourceKind workload = WORKLOADS.get(kind);
        if (workload == null) {
            return List.of();
        }
        ClusterConfig config = config();
        String ns = namespace != null ? namespace : config.defaultNamespace();
        if (!NAME.matcher(ns).matches()) {
            return List.of();
        }
        return names(config, Paths.collection(workload, ns), kind + "/");
    }

    private List<String> names(String path, String prefix) {
        return names(config(), path, prefix);
    }

    private static List<String> names(ClusterConfig config, String path, String prefix) {
        List<String> out = new ArrayList<>();
        try (ClusterGateway gateway = ClusterGateway.open(config)) {
            for (JsonNode item : gateway.firstPage(path)) {
                String name = item.path("metadata").path("name").asText("");
                if (NAME.matcher(name).matches()) {
                    out.add(prefix + name);
                }
            }
        }
        return out;
    }

    private ClusterConfig config() {
        return ConfigResolver.resolve(ConfigResolver.Request.of(kubeconfig, context, TIMEOUT), env);
    }
}
