package io.injectordoctor.demo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.client.Config;
import io.injectordoctor.cluster.ClusterConfig;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The embedded demo cluster: an in-process Kubernetes API server (fabric8 KubernetesMockServer in
 * CRUD mode) on 127.0.0.1 and a random free port, seeded with a {@link Scenario}. It is reached
 * over real HTTP, by this tool's client as by {@code kubectl} through {@link #writeKubeconfig}.
 *
 * <pre>{@code
 * try (DemoCluster demo = DemoCluster.start(Scenario.HEALTHY)) {
 *     demo.client().pods().inAnyNamespace().list();
 * }
 * }</pre>
 */
public final class DemoCluster implements AutoCloseable {
    /** The name of the cluster, user and context in the written kubeconfig. */
    public static final String CONTEXT = "injector-doctor-demo";
    /** Pod annotation holding the reference verdict of a demo pod: {@code inject} or {@code skip}. */
    public static final String EXPECT_ANNOTATION = "demo.injector-doctor.io/expect";
    /** Pod annotation saying in one sentence why a demo pod is in the set. */
    public static final String WHY_ANNOTATION = "demo.injector-doctor.io/why";

    // The mock web server logs every start and stop at INFO through java.util.logging; the CLI's
    // output is its own. Held strongly so the level is not lost with a collected logger.
    @SuppressWarnings("UnusedVariable")
    private static final Logger SERVER_LOG = quiet(MockWebServer.class.getName());
    @SuppressWarnings("UnusedVariable")
    private static final Logger VERTX_LOG = quiet("io.vertx");
    @SuppressWarnings("UnusedVariable")
    private static final Logger NETTY_LOG = quiet("io.netty");

    private final Scenario scenario;
    private final KubernetesMockServer server;
    private final KubernetesClient client;
    private final String url;

    private DemoCluster(Scenario scenario, KubernetesMockServer server, KubernetesClient client, String url) {
        this.scenario = scenario;
        this.server = server;
        this.client = client;
        this.url = url;
    }

    /** Starts the server on 127.0.0.1 and a free port, and creates the scenario's objects in it. */
    public static DemoCluster start(Scenario scenario) {
        // Certificates and YAML are prepared while the server starts: both are mostly class loading.
        CompletableFuture<List<ObjectNode>> seed = CompletableFuture.supplyAsync(
                () -> DemoSeed.objects(scenario, SeedValues.issue(scenario, Instant.now())));
        DemoDispatcher dispatcher = new DemoDispatcher();
        KubernetesMockServer server = new KubernetesMockServer(new Context(),
                new MockWebServer(), new HashMap<>(), dispatcher, false);
        server.start(InetAddress.getLoopbackAddress(), 0);
        KubernetesClient client = null;
        try {
            String url = "http://127.0.0.1:" + server.getPort();
            dispatcher.serveAt("127.0.0.1:" + server.getPort());
            client = new KubernetesClientBuilder().withConfig(clientConfig(url)).build();
            dispatcher.seeding(true);
            DemoSeed.create(client, joined(seed));
            dispatcher.seeding(false);
            dispatcher.controller(new DemoController(client));
            return new DemoCluster(scenario, server, client, url);
        } catch (RuntimeException e) {
            if (client != null) {
                client.close();
            }
            server.shutdown();
            throw e;
        }
    }

    /** A client of the demo cluster; closed with it. */
    public KubernetesClient client() {
        return client;
    }

    /**
     * The configuration the CLI reaches the demo cluster with: its URL, namespace default, no
     * credentials; nothing is read from the user's kubeconfig or environment.
     */
    public ClusterConfig config() {
        return ClusterConfig.plain(java.net.URI.create(url), "default", java.time.Duration.ofSeconds(10));
    }

    /** The server URL, {@code http://127.0.0.1:PORT}. */
    public String url() {
        return url;
    }

    public Scenario scenario() {
        return scenario;
    }

    /** The kubeconfig text: context {@value #CONTEXT}, namespace {@code default}, no credentials. */
    public String kubeconfig() {
        return Kubeconfig.render(CONTEXT, url, "default");
    }

    /**
     * Writes {@link #kubeconfig()} to {@code file}, creating its folder; both this tool and kubectl
     * accept it.
     *
     * @throws java.io.UncheckedIOException when the file cannot be written
     */
    public void writeKubeconfig(Path file) {
        Kubeconfig.write(file, kubeconfig());
    }

    @Override
    public void close() {
        client.close();
        server.shutdown();
    }

    private static <T> T joined(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    private static Config clientConfig(String url) {
        // Config.empty(): the demo must never pick up the user's kubeconfig, proxy or token.
        return new ConfigBuilder(Config.empty())
                .withMasterUrl(url)
                .withNamespace("default")
                .withRequestTimeout(10_000)
                .withConnectionTimeout(5_000)
                .build();
    }

    private static Logger quiet(String name) {
        Logger logger = Logger.getLogger(name);
        logger.setLevel(Level.WARNING);
        return logger;
    }
}
