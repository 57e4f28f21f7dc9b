package io.injectordoctor.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.injectordoctor.certs.Pki;
import io.injectordoctor.testing.TlsApiServer;
import io.injectordoctor.testing.TlsApiServer.Answer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gateway against real TLS servers with certificates made at test time, configured from kubeconfigs. */
class ClusterGatewayTlsTest {
    static final String NAMESPACE = "{\"kind\":\"Namespace\",\"metadata\":{\"name\":\"x\"}}";

    @TempDir
    Path dir;

    final Pki.Issued ca = TlsApiServer.root("cluster-ca");

    ClusterGateway gateway(String cluster, String user) throws Exception {
        Path kc = dir.resolve("kubeconfig");
        Files.writeString(kc, "apiVersion: v1\nkind: Config\ncurrent-context: x\n"
                + "clusters:\n- name: c\n  cluster:\n" + cluster
                + "users:\n- name: u\n  user:\n" + user
                + "contexts:\n- name: x\n  context: {cluster: c, user: u}\n");
        ClusterConfig c = ConfigResolver.resolve(ConfigResolver.Request.of(kc, null, Duration.ofSeconds(5)),
                new Environment(Map.of(), dir, dir, false));
        return ClusterGateway.open(c, false);
    }

    static String caData(Pki.Issued ca) {
        return "    certificate-authority-data: " + TlsApiServer.b64(ca.certificatePem()) + "\n";
    }

    @Test
    void theKubeconfigsAuthorityIsTrustedAndItsTokenSent() throws Exception {
        try (TlsApiServer s = TlsApiServer.tls(TlsApiServer.serving(ca), null).answering(r -> Answer.json(200, NAMESPACE));
                ClusterGateway api = gateway("    server: " + s.url() + "\n" + caData(ca), "    token: abc123\n")) {
            assertThat(api.get(ResourceKind.NAMESPACE, null, "x").path("metadata").path("name").asText()).isEqualTo("x");
            TlsApiServer.Seen seen = s.seen().get(0);
            assertThat(seen.path()).isEqualTo("/api/v1/namespaces/x");
            assertThat(seen.header("Authorization")).isEqualTo("Bearer abc123");
            assertThat(seen.header("Accept")).isEqualTo("application/json");
        }
    }

    @Test
    void theClientCertificateOfTheKubeconfigIsPresented() throws Exception {
        Pki.Issued alice = TlsApiServer.servingNamesOnly(ca, "alice");
        try (TlsApiServer s = TlsApiServer.tls(TlsApiServer.serving(ca), ca).answering(r -> Answer.json(200, NAMESPACE));
                ClusterGateway api = gateway("    server: " + s.url() + "\n" + caData(ca),
                        "    client-certificate-data: " + TlsApiServer.b64(alice.certificatePem()) + "\n"
                                + "    client-key-data: " + TlsApiServer.b64(TlsApiServer.pkcs8(alice)) + "\n")) {
            api.get(ResourceKind.NAMESPACE, null, "x");
            assertThat(s.seen().get(0).clientCertificate()).isEqualTo("CN=alice");
            assertThat(s.seen().get(0).header("Authorization")).isNull();
        }
    }

    @Test
    void tlsServerNameIsTheNameChecked() throws Exception {
        Pki.Issued namedOnly = TlsApiServer.servingNamesOnly(ca, "api.cluster.internal");
        try (TlsApiServer s = TlsApiServer.tls(namedOnly, null).answering(r -> Answer.json(200, NAMESPACE))) {
            try (ClusterGateway api = gateway("    server: " + s.url() + "\n" + caData(ca)
                    + "    tls-server-name: api.cluster.internal\n", "    token: t\n")) {
                assertThat(api.get(ResourceKind.NAMESPACE, null, "x").path("metadata").path("name").asText()).isEqualTo("x");
            }
            try (ClusterGateway api = gateway("    server: " + s.url() + "\n" + caData(ca), "    token: t\n")) {
                assertThatThrownBy(() -> api.get(ResourceKind.NAMESPACE, null, "x")).isInstanceOfSatisfying(ApiException.class,
                        e -> assertThat(e.getMessage()).isEqualTo("TLS: the server's certificate is not valid for 127.0.0.1"));
            }
            assertThat(s.seen()).hasSize(1);
        }
    }

    /** kubectl sends no credential to a plain-HTTP server; impersonation still applies. */
    @Test
    void noCredentialGoesOverPlainHttp() throws Exception {
        try (TlsApiServer s = TlsApiServer.plain().answering(r -> Answer.json(200, NAMESPACE));
                ClusterGateway api = gateway("    server: " + s.url() + "\n",
                        "    token: never-in-clear\n    as: alice\n    as-groups: [devs, oncall]\n")) {
            api.get(ResourceKind.NAMESPACE, null, "x");
            TlsApiServer.Seen seen = s.seen().get(0);
            assertThat(seen.header("Authorization")).isNull();
            assertThat(seen.header("Impersonate-User")).isEqualTo("alice");
            assertThat(seen.headers().entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase("Impersonate-Group"))
                    .flatMap(e -> e.getValue().stream()).toList()).containsExactly("devs", "oncall");
        }
    }

    @Test
    void anExecPluginsTokenIsUsedAndThePluginRunsOnce() throws Exception {
        Path count = dir.resolve("runs");
        Path plugin = dir.resolve("plugin.sh");
        Files.writeString(plugin, "#!/bin/sh\necho run >> " + count + "\n"
                + "echo \"$KUBERNETES_EXEC_INFO\" > " + dir.resolve("info.json") + "\n"
                + "printf '{\"apiVersion\":\"client.authentication.k8s.io/v1\",\"kind\":\"ExecCredential\","
                + "\"status\":{\"token\":\"from-plugin\"}}'\n");
        Files.setPosixFilePermissions(plugin, PosixFilePermissions.fromString("rwx------"));
        try (TlsApiServer s = TlsApiServer.tls(TlsApiServer.serving(ca), null).answering(r -> Answer.json(200, NAMESPACE));
                ClusterGateway api = gateway("    server: " + s.url() + "\n" + caData(ca),
                        "    exec:\n      apiVersion: client.authentication.k8s.io/v1\n      command: " + plugin
                                + "\n      interactiveMode: Never\n      provideClusterInfo: true\n")) {
            api.get(ResourceKind.NAMESPACE, null, "x");
            api.get(ResourceKind.NAMESPACE, null, "x");
            assertThat(s.seen()).extracting(r -> r.header("Authorization")).containsOnly("Bearer from-plugin");
            assertThat(Files.readAllLines(count)).hasSize(1);
            String info = Files.readString(dir.resolve("info.json"));
            assertThat(info).contains("\"kind\":\"ExecCredential\"", "\"apiVersion\":\"client.authentication.k8s.io/v1\"",
                    "\"server\":\"" + s.url() + "\"", "\"interactive\":false", "\"certificate-authority-data\"");
        }
    }

    @Test
    void aSelfSubjectAccessReviewIsAnsweredAndAMergePatchSent() throws Exception {
        try (TlsApiServer s = TlsApiServer.tls(TlsApiServer.serving(ca), null).answering(r -> r.method().equals("POST")
                ? Answer.json(201, "{\"kind\":\"SelfSubjectAccessReview\",\"status\":{\"allowed\":false,\"reason\":\"no\"}}")
                : Answer.json(200, "{\"kind\":\"Deployment\",\"metadata\":{\"name\":\"istiod\"}}"));
                ClusterGateway api = gateway("    server: " + s.url() + "\n" + caData(ca), "    token: t\n")) {
            assertThat(api.mayI("patch", "apps", "deployments", "istio-system", "istiod"))
                    .isEqualTo(new ClusterGateway.Access(false, "no"));
            api.mergePatch(ResourceKind.DEPLOYMENT, "istio-system", "istiod", "{}", "injector-doctor", true);
            List<TlsApiServer.Seen> seen = s.seen();
            assertThat(seen.get(1).method()).isEqualTo("PATCH");
            assertThat(seen.get(1).path()).isEqualTo("/apis/apps/v1/namespaces/istio-system/deployments/istiod"
                    + "?fieldManager=injector-doctor&dryRun=All");
            assertThat(seen.get(1).header("Content-Type")).isEqualTo("application/merge-patch+json");
            assertThat(seen).extracting(r -> r.header("Authorization")).containsOnly("Bearer t");
        }
    }

    /** A 401 asks the exec plugin once more, as client-go does, and the request is sent again with its new token. */
    @Test
    void aRevokedPluginTokenIsRenewedOnceAfterA401() throws Exception {
        Path count = dir.resolve("count");
        Path plugin = dir.resolve("rotating.sh");
        Files.writeString(plugin, "#!/bin/sh\necho run >> " + count + "\nn=$(wc -l < " + count + ")\n"
                + "printf '{\"apiVersion\":\"client.authentication.k8s.io/v1\",\"kind\":\"ExecCredential\","
                + "\"status\":{\"token\":\"token-%s\"}}' $n\n");
        Files.setPosixFilePermissions(plugin, PosixFilePermissions.fromString("rwx------"));
        try (TlsApiServer s = TlsApiServer.tls(TlsApiServer.serving(ca), null).answering(r -> "Bearer token-1".equals(
                r.header("Authorization")) ? Answer.json(401, "{\"kind\":\"Status\",\"message\":\"token revoked\"}")
                : Answer.json(200, NAMESPACE));
                ClusterGateway api = gateway("    server: " + s.url() + "\n" + caData(ca),
                        "    exec:\n      apiVersion: client.authentication.k8s.io/v1\n      command: " + plugin
                                + "\n      interactiveMode: Never\n")) {
            assertThat(api.get(ResourceKind.NAMESPACE, null, "x").path("metadata").path("name").asText()).isEqualTo("x");
            assertThat(s.seen()).extracting(r -> r.header("Authorization")).containsExactly("Bearer token-1", "Bearer token-2");
            assertThat(Files.readAllLines(count)).hasSize(2);
        }
    }
}
