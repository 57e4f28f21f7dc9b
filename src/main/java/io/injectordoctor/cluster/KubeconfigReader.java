package io.injectordoctor.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.Context;
import io.fabric8.kubernetes.api.model.NamedContext;
import io.fabric8.kubernetes.client.Config;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Reads the common kubeconfig shapes (a token, client certificates, basic auth, a CA) straight
 * into a fabric8 {@link Config}. fabric8's own reader registers every Kubernetes model class it
 * knows before it reads a line, which costs about half a second of start-up; a diagnosis needs none
 * of them. Anything less common (exec plugins, auth providers, proxies, impersonation, several
 * files) is left to fabric8: {@link #read} then answers empty.
 */
final class KubeconfigReader {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final List<String> PROXY_ENV = List.of("HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "http_proxy",
            "NO_PROXY", "no_proxy");
    private static final List<String> UNCOMMON_USER_FIELDS = List.of("exec", "auth-provider", "tokenFile", "as",
            "as-groups", "as-uid", "as-user-extra");

    private KubeconfigReader() {
    }

    /** The kubeconfig kubectl would read when it is one file, else empty. */
    static Optional<Path> singleFile(Path explicit) {
        if (explicit != null) {
            return Optional.of(explicit);
        }
        String env = System.getenv("KUBECONFIG");
        if (env != null && !env.isBlank()) {
            return env.contains(java.io.File.pathSeparator) ? Optional.empty() : Optional.of(Path.of(env.trim()));
        }
        Path home = Path.of(System.getProperty("user.home"), ".kube", "config");
        return Files.isRegularFile(home) ? Optional.of(home) : Optional.empty();
    }

    static Optional<Config> read(Path file, String contextName) {
        if (PROXY_ENV.stream().anyMatch(v -> System.getenv(v) != null)) {
            return Optional.empty();
        }
        JsonNode root;
        try {
            root = YAML.readTree(Files.readString(file));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        if (root == null || !root.isObject()) {
            return Optional.empty();
        }
        String name = contextName != null ? contextName : Json.text(root, "current-context");
        JsonNode context = named(root, "contexts", name, "context");
        if (context == null) {
            return Optional.empty();
        }
        String clusterName = Json.text(context, "cluster");
        String userName = Json.text(context, "user");
        JsonNode cluster = named(root, "clusters", clusterName, "cluster");
        JsonNode user = userName == null ? null : named(root, "users", userName, "user");
        if (cluster == null || Json.text(cluster, "server") == null || cluster.has("proxy-url")
                || cluster.has("tls-server-name") || (userName != null && user == null)) {
            return Optional.empty();
        }
        if (user != null && UNCOMMON_USER_FIELDS.stream().anyMatch(user::has)) {
            return Optional.empty();
        }
        Path dir = file.toAbsolutePath().getParent();
        Config c = Config.empty();
        c.setMasterUrl(Json.text(cluster, "server"));
        c.setCaCertData(Json.text(cluster, "certificate-authority-data"));
        c.setCaCertFile(resolve(dir, Json.text(cluster, "certificate-authority")));
        if (Json.bool(cluster, "insecure-skip-tls-verify")) {
            c.setTrustCerts(true);
            c.setDisableHostnameVerification(true);
        }
        if (user != null) {
            c.setOauthToken(Json.text(user, "token"));
            c.setClientCertData(Json.text(user, "client-certificate-data"));
            c.setClientCertFile(resolve(dir, Json.text(user, "client-certificate")));
            c.setClientKeyData(Json.text(user, "client-key-data"));
            c.setClientKeyFile(resolve(dir, Json.text(user, "client-key")));
            c.setUsername(Json.text(user, "username"));
            c.setPassword(Json.text(user, "password"));
        }
        String namespace = Json.text(context, "namespace");
        c.setNamespace(namespace);
        c.setCurrentContext(new NamedContext(new Context(clusterName, null, namespace, userName), name));
        return Optional.of(c);
    }

    private static JsonNode named(JsonNode root, String list, String name, String field) {
        if (name == null) {
            return null;
        }
        for (JsonNode item : Json.items(root, list)) {
            if (name.equals(Json.text(item, "name"))) {
                return Json.at(item, field);
            }
        }
        return null;
    }

    private static String resolve(Path dir, String path) {
        if (path == null) {
            return null;
        }
        Path p = Path.of(path);
        return p.isAbsolute() || dir == null ? path : dir.resolve(p).toString();
    }
}
