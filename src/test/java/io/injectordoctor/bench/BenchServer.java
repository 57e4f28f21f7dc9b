package io.injectordoctor.bench;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.injectordoctor.testing.Fixtures;
import java.io.ByteArrayInputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A local API server for the benchmarks: fabric8's KubernetesMockServer (CRUD mode for namespaces and
 * the Istio objects, a paging pod store for pods) seeded with a generated cluster, and a kubeconfig
 * pointing at it. Runs until killed.
 *
 * <pre>java -cp TEST_CLASSPATH io.injectordoctor.bench.BenchServer PODS NAMESPACES DIR [LIFETIME_SECONDS]</pre>
 *
 * writes DIR/kubeconfig, then DIR/server.json and DIR/server.properties (port, a sample pod) once it is
 * ready. With a lifetime it exits after that many seconds or as soon as DIR/stop exists. With
 * {@code BENCH_TLS=1} in the environment the kubeconfig points at a TLS front (a root made at start,
 * its certificate in the kubeconfig, a bearer token), as a real cluster is reached.
 */
public final class BenchServer {
    static final String ISTIO_IMAGE = "docker.io/istio/pilot:1.27.1";
    /** Held so that the level set on it is not lost with a collected logger. */
    private static final Logger FABRIC8_LOG = Logger.getLogger("io.fabric8");

    private BenchServer() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3 || args.length > 4) {
            System.err.println("usage: BenchServer PODS NAMESPACES DIR [LIFETIME_SECONDS]");
            System.exit(64);
        }
        int pods = Integer.parseInt(args[0]);
        int namespaces = Integer.parseInt(args[1]);
        Path dir = Path.of(args[2]);
        long lifetimeMs = args.length == 4 ? Long.parseLong(args[3]) * 1000 : Long.MAX_VALUE;
        Files.deleteIfExists(dir.resolve("stop"));
        int code = 0;
        try (Running running = start(pods, namespaces, dir, "1".equals(System.getenv("BENCH_TLS")))) {
            long deadline = System.currentTimeMillis() + Math.min(lifetimeMs, Long.MAX_VALUE / 2);
            while (System.currentTimeMillis() < deadline && !Files.exists(dir.resolve("stop"))) {
                Thread.sleep(200);
            }
        } catch (RuntimeException e) {
            e.printStackTrace();
            code = 1;
        }
        // The mock server's threads are not daemons: only an exit ends them for sure.
        System.exit(code);
    }

    /** A running server: where it listens, and a pod to explain. */
    public record Running(KubernetesMockServer server, int port, String samplePod, String sampleNamespace,
            Path kubeconfig, TlsFront tls) implements AutoCloseable {
        @Override
        public void close() {
            if (tls != null) {
                try {
                    tls.close();
                } catch (java.io.IOException e) {
                    // closing a listener: nothing left to do
                }
            }
            server.destroy();
        }
    }

    /** Starts a server over plain HTTP; see {@link #start(int, int, Path, boolean)}. */
    public static Running start(int pods, int namespaces, Path dir) throws java.io.IOException {
        return start(pods, namespaces, dir, false);
    }

    /** Starts a server seeded with a generated cluster; writes DIR/kubeconfig, server.json, server.properties. */
    public static Running start(int pods, int namespaces, Path dir, boolean tls) throws java.io.IOException {
        Files.createDirectories(dir);
        Files.deleteIfExists(dir.resolve("server.json"));
        // Per-request logging would cost the server more than the client it measures.
        FABRIC8_LOG.setLevel(Level.WARNING);
        long t0 = System.nanoTime();
        NavigableMap<String, String> store = GeneratedPods.generate(pods, namespaces);
        KubernetesMockServer server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(),
                new BenchDispatcher(store), false);
        server.init(InetAddress.getByName("127.0.0.1"), 0);
        try (KubernetesClient client = server.createClient()) {
            seed(client, namespaces);
        } catch (RuntimeException e) {
            // The server's threads would keep this process alive after a failed start.
            server.destroy();
            throw e;
        }
        TlsFront front = null;
        if (tls) {
            try {
                front = TlsFront.start(server.getPort());
            } catch (Exception e) {
                server.destroy();
                throw new java.io.IOException("TLS front: " + e.getMessage(), e);
            }
        }
        Path kubeconfig = dir.resolve("kubeconfig");
        Files.writeString(kubeconfig, front == null ? kubeconfig(server.getPort())
                : tlsKubeconfig(front.port(), front.caPem()));
        int sample = Math.min(1, pods - 1);
        String pod = GeneratedPods.podName(sample);
        String ns = GeneratedPods.namespaceName(sample % namespaces);
        String info = "{\"port\":%d,\"pods\":%d,\"namespaces\":%d,\"samplePod\":\"%s\",\"sampleNamespace\":\"%s\"}"
                .formatted(server.getPort(), pods, namespaces, pod, ns);
        Files.writeString(dir.resolve("server.properties"), "port=%d%nsamplePod=%s%nsampleNamespace=%s%n".formatted(
                server.getPort(), pod, ns));
        Path tmp = dir.resolve("server.json.tmp");
        Files.writeString(tmp, info + "\n");
        Files.move(tmp, dir.resolve("server.json"));
        System.err.printf("bench server: %d pods in %d namespaces on port %d, ready in %.1f s%n", pods, namespaces,
                server.getPort(), (System.nanoTime() - t0) / 1e9);
        return new Running(server, server.getPort(), pod, ns, kubeconfig, front);
    }

    static void seed(KubernetesClient client, int namespaces) {
        apply(client, Fixtures.modernInstall("default", "enabled", ISTIO_IMAGE));
        for (int i = 0; i < namespaces; i++) {
            Map<String, String> labels = GeneratedPods.namespaceLabels(i);
            String[] kv = labels.entrySet().stream().flatMap(e -> java.util.stream.Stream.of(e.getKey(), e.getValue()))
                    .toArray(String[]::new);
            apply(client, Fixtures.namespace(GeneratedPods.namespaceName(i), kv));
        }
    }

    private static void apply(KubernetesClient client, String yaml) {
        client.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8))).items()
                .forEach(o -> client.resource(o).create());
    }

    static String kubeconfig(int port) {
        return kubeconfig("http://127.0.0.1:" + port, null);
    }

    static String tlsKubeconfig(int port, String caPem) {
        return kubeconfig("https://127.0.0.1:" + port,
                java.util.Base64.getEncoder().encodeToString(caPem.getBytes(StandardCharsets.US_ASCII)));
    }

    private static String kubeconfig(String server, String caData) {
        return String.join("\n",
                "apiVersion: v1",
                "kind: Config",
                "clusters:",
                "- name: bench",
                "  cluster:",
                "    server: " + server,
                caData == null ? "    # plain HTTP: nothing to trust" : "    certificate-authority-data: " + caData,
                "users:",
                "- name: bench",
                "  user:",
                "    token: bench-token",
                "contexts:",
                "- name: bench",
                "  context:",
                "    cluster: bench",
                "    user: bench",
                "    namespace: default",
                "current-context: bench",
                "");
    }
}
