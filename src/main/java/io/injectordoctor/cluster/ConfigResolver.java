package io.injectordoctor.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import io.injectordoctor.DoctorException;
import io.injectordoctor.ExitCode;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The one place a cluster configuration is resolved, as kubectl resolves it: the kubeconfig files
 * merged ({@link Kubeconfig}), the context (--context, else current-context), its cluster and
 * user, then the global options. When no kubeconfig defines anything, the in-cluster
 * configuration when kubectl would use it (client-go tools/clientcmd/merged_client_builder.go,
 * DeferredLoadingClientConfig.ClientConfig; rest/config.go InClusterConfig). A reference that
 * leads nowhere (a missing context, cluster or user) is an error naming it, never a silent
 * fall-back to something else; the user's credentials are read by {@link UserCredentials}.
 */
public final class ConfigResolver {
    /**
     * What the command line asks for.
     *
     * @param kubeconfig     --kubeconfig, or null
     * @param context        --context, or null
     * @param requestTimeout --request-timeout; zero means no limit
     * @param asUser         --as, or null (overrides the kubeconfig's {@code as})
     * @param asGroups       --as-group values, empty when not given
     */
    public record Request(Path kubeconfig, String context, Duration requestTimeout, String asUser, List<String> asGroups) {
        public Request {
            asGroups = asGroups == null ? List.of() : List.copyOf(asGroups);
        }

        public static Request of(Path kubeconfig, String context, Duration requestTimeout) {
            return new Request(kubeconfig, context, requestTimeout, null, List.of());
        }
    }

    private ConfigResolver() {
    }

    public static ClusterConfig resolve(Request req, Environment env) {
        if (req.requestTimeout().isNegative()) {
            throw new DoctorException(ExitCode.USAGE, "--request-timeout must not be negative (0 means no limit)");
        }
        Kubeconfig kc = Kubeconfig.load(req.kubeconfig(), env);
        if (kc.empty() && req.context() == null) {
            ClusterConfig inCluster = InCluster.config(env, req.requestTimeout());
            if (inCluster != null) {
                return withOverrides(inCluster, req);
            }
            throw new DoctorException(ExitCode.USAGE, noKubeconfig(kc, req.kubeconfig(), env));
        }
        String files = kc.files().stream().map(Path::toString).collect(Collectors.joining(", "));
        String contextName = req.context() != null ? req.context() : kc.currentContext();
        if (contextName == null) {
            throw new DoctorException(ExitCode.USAGE, "the kubeconfig (" + files + ") has no current-context: pass "
                    + "--context NAME" + names(kc.contexts().keySet(), "contexts"));
        }
        Kubeconfig.Entry context = kc.contexts().get(contextName);
        if (context == null) {
            throw new DoctorException(ExitCode.USAGE, "context \"" + contextName + "\" not found in the kubeconfig ("
                    + files + ")" + names(kc.contexts().keySet(), "contexts"));
        }
        String clusterName = Json.text(context.body(), "cluster");
        if (clusterName == null || clusterName.isEmpty()) {
            throw new DoctorException(ExitCode.USAGE, "context \"" + contextName + "\" names no cluster (" + files + ")");
        }
        Kubeconfig.Entry cluster = kc.clusters().get(clusterName);
        if (cluster == null) {
            throw new DoctorException(ExitCode.USAGE, "context \"" + contextName + "\" names cluster \"" + clusterName
                    + "\", which is not in the kubeconfig (" + files + ")" + names(kc.clusters().keySet(), "clusters"));
        }
        String userName = Json.text(context.body(), "user");
        Kubeconfig.Entry user = null;
        if (userName != null && !userName.isEmpty()) {
            user = kc.users().get(userName);
            // kubectl would carry on without credentials here; a request that then fails as anonymous hides the cause.
            if (user == null) {
                throw new DoctorException(ExitCode.USAGE, "context \"" + contextName + "\" names user \"" + userName
                        + "\", which is not in the kubeconfig (" + files + ")" + names(kc.users().keySet(), "users"));
            }
        }
        String namespace = Json.text(context.body(), "namespace");
        if (namespace != null && !namespace.isEmpty() && Names.namespaceProblem(namespace) != null) {
            throw new DoctorException(ExitCode.DATA, "context \"" + contextName + "\": " + Names.namespaceProblem(namespace));
        }
        ClusterConfig c = clusterPart(contextName, cluster, namespace == null || namespace.isEmpty() ? null : namespace,
                req.requestTimeout(), env);
        if (user != null) {
            c = UserCredentials.apply(c, user, cluster, env);
        }
        return withOverrides(urlCredentials(c, Json.text(cluster.body(), "server")), req);
    }

    private static ClusterConfig clusterPart(String contextName, Kubeconfig.Entry cluster, String namespace,
            Duration timeout, Environment env) {
        JsonNode b = cluster.body();
        String where = "cluster \"" + cluster.name() + "\" (" + cluster.origin() + ")";
        String server = Json.text(b, "server");
        if (server == null || server.isBlank()) {
            throw new DoctorException(ExitCode.DATA, where + " has no server");
        }
        String caData = Json.text(b, "certificate-authority-data");
        String caFile = Json.text(b, "certificate-authority");
        boolean insecure = Json.bool(b, "insecure-skip-tls-verify");
        if (caData != null && !caData.isEmpty() && caFile != null && !caFile.isEmpty()) {
            // client-go tools/clientcmd/validation.go validateClusterInfo refuses both together.
            throw new DoctorException(ExitCode.DATA, where + " sets both certificate-authority-data and"
                    + " certificate-authority; kubectl refuses that too: keep one");
        }
        String caPem = null;
        String caSource = null;
        if (caData != null && !caData.isEmpty()) {
            caPem = caText(decodeBase64(caData, where + ": certificate-authority-data"), where + ": certificate-authority-data");
            caSource = "certificate-authority-data of " + where;
        } else if (caFile != null && !caFile.isEmpty()) {
            Path f = cluster.resolve(caFile);
            caPem = caText(readFile(f, where + ": certificate-authority"), where + ": certificate-authority " + f);
            caSource = "certificate-authority " + f;
        }
        if (insecure && caPem != null) {
            // client-go transport/transport.go TLSConfigFor: "specifying a root certificates file with the
            // insecure flag is not allowed".
            throw new DoctorException(ExitCode.DATA, where + " sets insecure-skip-tls-verify together with a"
                    + " certificate authority; kubectl refuses that (specifying a root certificates file with the"
                    + " insecure flag is not allowed): remove one of them");
        }
        String serverName = Json.text(b, "tls-server-name");
        URI uri = serverUri(server, caPem != null || insecure, where);
        URI proxy = ProxyChoice.forServer(uri, Json.text(b, "proxy-url"), env, where);
        return new ClusterConfig(contextName, uri, namespace,
                new ClusterConfig.Tls(caPem, caSource, insecure, serverName == null || serverName.isEmpty() ? null : serverName),
                new Credential.None(), null, proxy, ClusterConfig.Impersonation.none(), timeout);
    }

    /** The server URL; without a scheme it is https when TLS is configured, as client-go's defaultServerUrlFor does. */
    static URI serverUri(String server, boolean tlsConfigured, String where) {
        String s = server.strip();
        if (!s.contains("://")) {
            s = (tlsConfigured ? "https://" : "http://") + s;
        }
        URI u;
        try {
            u = new URI(s);
        } catch (URISyntaxException e) {
            throw new DoctorException(ExitCode.DATA, where + ": server '" + Redact.urls(server) + "' is not a URL");
        }
        String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (!(scheme.equals("https") || scheme.equals("http")) || u.getHost() == null || u.getHost().isEmpty()) {
            throw new DoctorException(ExitCode.DATA, where + ": server '" + Redact.urls(server)
                    + "' is not an http:// or https:// URL with a host");
        }
        try {
            // User info is dropped: a password must not ride along in every message and request line.
            return new URI(scheme, null, u.getHost(), u.getPort(), u.getPath() == null ? "" : u.getPath(), null, null);
        } catch (URISyntaxException e) {
            throw new DoctorException(ExitCode.DATA, where + ": server '" + Redact.urls(server) + "' is not a URL");
        }
    }

    /**
     * User info in the server URL authenticates as basic auth when nothing else does, over TLS only,
     * as Go's HTTP client does with it for kubectl; it is never part of the server URL kept.
     */
    private static ClusterConfig urlCredentials(ClusterConfig c, String server) {
        if (!(c.credential() instanceof Credential.None) || c.clientCertificate() != null || !c.secure()) {
            return c;
        }
        try {
            String info = new URI(server.strip()).getUserInfo();
            if (info == null || info.isEmpty()) {
                return c;
            }
            int colon = info.indexOf(':');
            String user = colon < 0 ? info : info.substring(0, colon);
            String pass = colon < 0 ? "" : info.substring(colon + 1);
            return new ClusterConfig(c.context(), c.server(), c.namespace(), c.tls(), new Credential.Basic(user, pass),
                    null, c.proxy(), c.impersonation(), c.requestTimeout());
        } catch (URISyntaxException e) {
            return c;
        }
    }

    static byte[] decodeBase64(String data, String what) {
        try {
            return Base64.getMimeDecoder().decode(data.strip());
        } catch (IllegalArgumentException e) {
            throw new DoctorException(ExitCode.DATA, what + " is not valid base64");
        }
    }

    static byte[] readFile(Path f, String what) {
        try {
            if (Files.isDirectory(f)) {
                throw new DoctorException(ExitCode.DATA, what + " " + f + " is a directory");
            }
            return Files.readAllBytes(f);
        } catch (NoSuchFileException e) {
            throw new DoctorException(ExitCode.DATA, what + " " + f + ": no such file");
        } catch (IOException e) {
            throw new DoctorException(ExitCode.DATA, what + " " + f + ": cannot read it (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static String caText(byte[] bytes, String what) {
        String pem = new String(bytes, StandardCharsets.UTF_8);
        try {
            Pem.certificates(pem);
        } catch (Pem.Invalid e) {
            throw new DoctorException(ExitCode.DATA, what + " holds " + e.getMessage());
        }
        return pem;
    }

    private static ClusterConfig withOverrides(ClusterConfig c, Request req) {
        if (req.asUser() == null && req.asGroups().isEmpty()) {
            return c;
        }
        if (req.asUser() == null) {
            throw new DoctorException(ExitCode.USAGE, "--as-group needs --as (a user to impersonate)");
        }
        return c.withImpersonation(new ClusterConfig.Impersonation(req.asUser(), null, req.asGroups(), java.util.Map.of()));
    }

    private static String names(java.util.Set<String> names, String what) {
        return names.isEmpty() ? "" : "; " + what + ": " + String.join(", ", names);
    }

    private static String noKubeconfig(Kubeconfig kc, Path explicit, Environment env) {
        if (!kc.files().isEmpty()) {
            return "the kubeconfig (" + kc.files().stream().map(Path::toString).collect(Collectors.joining(", "))
                    + ") defines no context: pass another --kubeconfig FILE, set KUBECONFIG, or try the embedded demo"
                    + " cluster with --demo";
        }
        String looked = explicit != null ? explicit.toString()
                : Kubeconfig.candidates(null, env).stream().map(Path::toString).collect(Collectors.joining(", "));
        return "no kubeconfig found (looked at " + looked + ") and not running in a pod: pass --kubeconfig FILE, "
                + "set KUBECONFIG, or try the embedded demo cluster with --demo";
    }
}
