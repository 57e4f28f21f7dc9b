package io.injectordoctor.trust;

import static org.assertj.core.api.Assertions.assertThat;

import io.injectordoctor.certs.Pki;
import io.injectordoctor.testing.MockCluster.Result;
import io.injectordoctor.testing.TlsApiServer;
import io.injectordoctor.testing.TunnelProxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Authentication that fails is said, with the source named, never skipped into anonymous requests:
 * exec plugins that fail, hang or print garbage, token files that are missing, users that do not
 * exist, auth providers that are not supported. What works is checked at the server: the plugin's
 * token or certificate, an oidc id-token, impersonation, a proxy-url tunnel.
 */
class AuthenticationTest {
    @TempDir
    Path tmp;

    private final TrustCluster cluster = new TrustCluster();
    private final Pki.Issued ca = TlsApiServer.root("cluster-ca");
    private TrustApiServer upstream;
    private TlsApiServer front;
    private final List<AutoCloseable> open = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        upstream = new TrustApiServer().apply(TrustCluster.join(cluster.install(), cluster.controlPlane(), TrustCluster.apps()));
        front = TlsApiServer.tls(TlsApiServer.serving(ca), ca).answering(TlsApiServer.forwardTo("http://127.0.0.1:" + upstream.port()));
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
        front.close();
        upstream.close();
    }

    private Path kubeconfig(String clusterExtra, String userFields) throws Exception {
        Path kc = tmp.resolve("kubeconfig-" + System.nanoTime());
        Files.writeString(kc, "apiVersion: v1\nkind: Config\ncurrent-context: x\n"
                + "clusters:\n- name: c\n  cluster:\n    server: " + front.url() + "\n    certificate-authority-data: "
                + TlsApiServer.b64(ca.certificatePem()) + "\n" + clusterExtra
                + "users:\n- name: u\n  user:\n" + userFields
                + "contexts:\n- name: x\n  context: {cluster: c, user: u, namespace: shop}\n");
        return kc;
    }

    private Path plugin(String name, String body) throws Exception {
        Path p = tmp.resolve(name);
        Files.writeString(p, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwx------"));
        return p;
    }

    private static String exec(Path command, String extra) {
        return "    exec:\n      apiVersion: client.authentication.k8s.io/v1\n      command: " + command
                + "\n      interactiveMode: Never\n" + extra;
    }

    private static Result run(Path kc, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--kubeconfig");
        all.add(kc.toString());
        return Result.of(all.toArray(String[]::new));
    }

    private static String credential(String status) {
        return "printf '%s' '{\"apiVersion\":\"client.authentication.k8s.io/v1\",\"kind\":\"ExecCredential\",\"status\":"
                + status + "}'";
    }

    @Test
    void anExecPluginThatFailsStopsWithItsNameAndWhatItSaid() throws Exception {
        Path p = plugin("sso-plugin", "echo 'error: the SSO session has expired, run: aws sso login' >&2\nexit 3");
        FaultMatrixTest.assertOneLineError(run(kubeconfig("", exec(p, "")), "explain", "pods", "-A"), 77,
                "the exec plugin '" + p + "' failed with exit code 3: error: the SSO session has expired, run: aws sso login");
        assertThat(front.seen()).isEmpty();
    }

    @Test
    void anExecPluginThatHangsIsStoppedAfterItsTimeout() throws Exception {
        Path p = plugin("hanging-plugin", "sleep 30");
        FaultMatrixTest.assertOneLineError(run(kubeconfig("", exec(p, "")), "explain", "pods", "-A", "--request-timeout", "2"),
                69, "the exec plugin '" + p + "' did not finish within 2s and was stopped");
        assertThat(front.seen()).isEmpty();
    }

    @Test
    void anExecPluginThatPrintsGarbageOrTheWrongVersionOrNothingUsefulIsRefused() throws Exception {
        List<String[]> rows = List.of(
                new String[] {"echo 'Welcome! Here is your token: maybe'", "printed something that is not an ExecCredential (not JSON)"},
                new String[] {"printf '%s' '{\"apiVersion\":\"client.authentication.k8s.io/v1beta1\",\"kind\":\"ExecCredential\","
                        + "\"status\":{\"token\":\"t\"}}'", "is configured for client.authentication.k8s.io/v1 but answered with"
                        + " client.authentication.k8s.io/v1beta1"},
                new String[] {credential("{}"), "returned neither a token nor a certificate and key"},
                new String[] {credential("{\"clientKeyData\":\"k\"}"), "returned only a certificate or a key, not both"});
        for (String[] row : rows) {
            Path p = plugin("plugin-" + System.nanoTime(), row[0]);
            FaultMatrixTest.assertOneLineError(run(kubeconfig("", exec(p, "")), "check"), 77, "the exec plugin '" + p + "' " + row[1]);
        }
        Path missing = tmp.resolve("not-installed");
        FaultMatrixTest.assertOneLineError(run(kubeconfig("", exec(missing,
                "      installHint: |\n        Install it with: brew install not-installed\n")), "check"), 77,
                "the exec plugin '" + missing + "' was not found or cannot be run: Install it with: brew install not-installed");
        assertThat(front.seen()).isEmpty();
    }

    @Test
    void anExecPluginsClientCertificateIsPresented() throws Exception {
        Pki.Issued alice = TlsApiServer.servingNamesOnly(ca, "alice-from-plugin");
        String status = "{\"clientCertificateData\":" + json(alice.certificatePem()) + ",\"clientKeyData\":"
                + json(TlsApiServer.pkcs8(alice)) + "}";
        Path p = plugin("cert-plugin", credential(status.replace("'", "")));
        Result r = run(kubeconfig("", exec(p, "")), "explain", "pods", "-A");
        assertThat(r.exitCode()).as(r.err()).isIn(0, 1);
        assertThat(front.seen()).isNotEmpty().allSatisfy(s -> {
            assertThat(s.clientCertificate()).isEqualTo("CN=alice-from-plugin");
            assertThat(s.header("Authorization")).isNull();
        });
    }

    @Test
    void aMissingTokenFileOrUserIsNamed() throws Exception {
        Path kc = kubeconfig("", "    tokenFile: does-not-exist\n");
        FaultMatrixTest.assertOneLineError(run(kc, "explain", "pods", "-A"), 65,
                "the token file " + kc.getParent().resolve("does-not-exist") + " does not exist");
        Path noUser = tmp.resolve("no-user");
        Files.writeString(noUser, Files.readString(kc).replace("user: u,", "user: ghost,"));
        FaultMatrixTest.assertOneLineError(run(noUser, "check"), 64, "context \"x\" names user \"ghost\", which is not in"
                + " the kubeconfig");
        assertThat(front.seen()).isEmpty();
    }

    private static String jwt(long exp) {
        Base64.Encoder e = Base64.getUrlEncoder().withoutPadding();
        return e.encodeToString("{\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + e.encodeToString(("{\"sub\":\"alice\",\"exp\":" + exp + "}").getBytes(StandardCharsets.UTF_8)) + ".c2ln";
    }

    private static String oidc(String idToken) {
        return "    auth-provider:\n      name: oidc\n      config:\n        idp-issuer-url: https://issuer.example\n"
                + "        client-id: kubernetes\n        id-token: " + idToken + "\n        refresh-token: r\n";
    }

    @Test
    void anOidcIdTokenIsUsedWhileValidAndAnOtherProviderIsRefused() throws Exception {
        String valid = jwt(Instant.now().getEpochSecond() + 3600);
        Result r = run(kubeconfig("", oidc(valid)), "explain", "pods", "-A");
        assertThat(r.exitCode()).as(r.err()).isIn(0, 1);
        assertThat(front.seen()).isNotEmpty().allSatisfy(s -> assertThat(s.header("Authorization")).isEqualTo("Bearer " + valid));
        int seen = front.seen().size();
        FaultMatrixTest.assertOneLineError(run(kubeconfig("", oidc(jwt(Instant.now().getEpochSecond() - 60))), "check"), 77,
                "the oidc id-token of user \"u\" expired at", "run a kubectl command to refresh it");
        FaultMatrixTest.assertOneLineError(run(kubeconfig("", oidc("not-a-jwt")), "check"), 65,
                "the oidc id-token of user \"u\" is not a JWT");
        FaultMatrixTest.assertOneLineError(run(kubeconfig("", "    auth-provider:\n      name: gcp\n      config: {}\n"), "check"),
                77, "auth-provider 'gcp' is not supported");
        assertThat(front.seen()).hasSize(seen);
    }

    @Test
    void impersonationAndAProxyUrlApplyToEveryRequest() throws Exception {
        TunnelProxy proxy = new TunnelProxy();
        open.add(proxy);
        Result r = run(kubeconfig("    proxy-url: http://127.0.0.1:" + proxy.port() + "\n",
                "    token: t\n    as: alice\n    as-groups: [oncall]\n"), "explain", "pods", "-A");
        assertThat(r.exitCode()).as(r.err()).isIn(0, 1);
        assertThat(proxy.requests()).isNotEmpty().allSatisfy(l -> assertThat(l).isEqualTo("CONNECT 127.0.0.1:" + front.port()
                + " HTTP/1.1"));
        assertThat(front.seen()).isNotEmpty().allSatisfy(s -> {
            assertThat(s.header("Impersonate-User")).isEqualTo("alice");
            assertThat(s.header("Impersonate-Group")).isEqualTo("oncall");
            assertThat(s.header("Authorization")).isEqualTo("Bearer t");
        });
    }

    private static String json(String s) {
        return "\"" + s.replace("\n", "\\n") + "\"";
    }
}
