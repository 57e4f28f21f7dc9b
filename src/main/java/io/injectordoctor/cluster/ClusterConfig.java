package io.injectordoctor.cluster;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The one resolved configuration every connection to a cluster is made from: where the API
 * server is, how it is trusted, who we are, through which proxy, as whom, for how long. Made by
 * {@link ConfigResolver} (or by the demo for its own server); the gateway is built from it.
 *
 * @param context        the kubeconfig context, null for the in-cluster or the demo configuration
 * @param server         the API server's URL, without user info
 * @param namespace      the context's namespace, null when it names none
 * @param clientCertificate the kubeconfig's client certificate and key, null when none
 * @param proxy          the proxy to go through, null for a direct connection
 * @param requestTimeout how long one request may take; zero means no limit (kubectl's --request-timeout=0)
 */
public record ClusterConfig(String context, URI server, String namespace, Tls tls, Credential credential,
        ClientCertificate clientCertificate, URI proxy, Impersonation impersonation, Duration requestTimeout) {

    /**
     * How the server's certificate is checked.
     *
     * @param caPem      the certificate authorities of the kubeconfig (PEM), null for the system's trust store
     * @param caSource   where they came from, for messages
     * @param insecure   insecure-skip-tls-verify: nothing is checked
     * @param serverName tls-server-name: the name sent (SNI) and checked instead of the URL's host, or null
     */
    public record Tls(String caPem, String caSource, boolean insecure, String serverName) {
        public static Tls system() {
            return new Tls(null, null, false, null);
        }
    }

    /** A client certificate with its key; the key never appears in a message. */
    public record ClientCertificate(String certificatePem, String keyPem, String source) {
        @Override
        public String toString() {
            return "ClientCertificate[" + source + "]";
        }
    }

    /** Kubernetes impersonation: requests are made as this user (kubeconfig as/as-groups, or --as/--as-group). */
    public record Impersonation(String user, String uid, List<String> groups, Map<String, List<String>> extra) {
        public Impersonation {
            groups = groups == null ? List.of() : List.copyOf(groups);
            extra = extra == null ? Map.of() : Map.copyOf(extra);
        }

        public static Impersonation none() {
            return new Impersonation(null, null, List.of(), Map.of());
        }

        public boolean active() {
            return user != null;
        }
    }

    public ClusterConfig {
        tls = tls == null ? Tls.system() : tls;
        credential = credential == null ? new Credential.None() : credential;
        impersonation = impersonation == null ? Impersonation.none() : impersonation;
        requestTimeout = requestTimeout == null ? Duration.ZERO : requestTimeout;
    }

    /** A configuration for a plain server with no credentials, as the demo cluster has. */
    public static ClusterConfig plain(URI server, String namespace, Duration requestTimeout) {
        return new ClusterConfig(null, server, namespace, Tls.system(), new Credential.None(), null, null,
                Impersonation.none(), requestTimeout);
    }

    public boolean secure() {
        return "https".equalsIgnoreCase(server.getScheme());
    }

    /** The namespace a context defaults to, else "default" (client_config.go DirectClientConfig.Namespace). */
    public String defaultNamespace() {
        return namespace == null || namespace.isEmpty() ? "default" : namespace;
    }

    /** The server as messages show it: never with a password (there is none left in {@link #server}). */
    public String serverText() {
        String s = server.toString();
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    /** "context NAME (URL)", for reports and a snapshot's source. */
    public String describe() {
        return (context == null ? "" : "context " + context + " ") + "(" + serverText() + ")";
    }

    public ClusterConfig withTimeout(Duration timeout) {
        return new ClusterConfig(context, server, namespace, tls, credential, clientCertificate, proxy, impersonation,
                timeout);
    }

    public ClusterConfig withImpersonation(Impersonation i) {
        return new ClusterConfig(context, server, namespace, tls, credential, clientCertificate, proxy, i,
                requestTimeout);
    }
}
