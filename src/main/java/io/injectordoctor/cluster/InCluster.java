package io.injectordoctor.cluster;

import io.injectordoctor.DoctorException;
import io.injectordoctor.ExitCode;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The configuration of a pod's service account, used when no kubeconfig defines anything and the
 * pod's variables and token are there (client-go rest/config.go InClusterConfig;
 * tools/clientcmd/client_config.go inClusterClientConfig.Possible and Namespace: POD_NAMESPACE,
 * else the service account's namespace file, else "default").
 */
final class InCluster {
    private InCluster() {
    }

    /** The in-cluster configuration, or null when this is not a pod kubectl would treat as one. */
    static ClusterConfig config(Environment env, Duration timeout) {
        String host = env.get("KUBERNETES_SERVICE_HOST");
        String port = env.get("KUBERNETES_SERVICE_PORT");
        Path token = env.serviceAccountDir().resolve("token");
        if (host == null || port == null || !Files.exists(token) || Files.isDirectory(token)) {
            return null;
        }
        String hostPort = (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
        URI server = ConfigResolver.serverUri("https://" + hostPort, true, "the in-cluster configuration");
        Path ca = env.serviceAccountDir().resolve("ca.crt");
        String caPem = null;
        if (Files.isRegularFile(ca)) {
            caPem = new String(ConfigResolver.readFile(ca, "the service account's CA"), StandardCharsets.UTF_8);
        }
        return new ClusterConfig(null, server, namespace(env),
                new ClusterConfig.Tls(caPem, caPem == null ? null : "the service account's " + ca, false, null),
                new Credential.TokenFile(token), null, ProxyChoice.forServer(server, null, env, "the in-cluster configuration"),
                ClusterConfig.Impersonation.none(), timeout);
    }

    private static String namespace(Environment env) {
        String ns = env.get("POD_NAMESPACE");
        if (ns != null) {
            return ns;
        }
        Path f = env.serviceAccountDir().resolve("namespace");
        try {
            if (Files.isRegularFile(f)) {
                String s = Files.readString(f).strip();
                return s.isEmpty() ? null : s;
            }
        } catch (IOException e) {
            throw new DoctorException(ExitCode.DATA, f + ": cannot read the service account's namespace");
        }
        return null;
    }
}
