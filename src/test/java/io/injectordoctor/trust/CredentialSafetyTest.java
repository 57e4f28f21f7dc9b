package io.injectordoctor.trust;

import static org.assertj.core.api.Assertions.assertThat;

import io.injectordoctor.certs.Pki;
import io.injectordoctor.testing.MockCluster.Result;
import io.injectordoctor.testing.TlsApiServer;
import io.injectordoctor.testing.TlsApiServer.Answer;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Credentials go only where the kubeconfig says, over TLS checked as kubectl checks it. The mock
 * cluster sits behind a TLS front made at test time (a proxy that records what reached it), so a
 * credential that leaked would be seen arriving.
 */
class CredentialSafetyTest {
    private static final String TOKEN = "tkn-" + Long.toHexString(new java.security.SecureRandom().nextLong());

    @TempDir
    Path tmp;

    private final TrustCluster cluster = new TrustCluster();
    private TrustApiServer upstream;
    private final Pki.Issued ca = TlsApiServer.root("cluster-ca");
    private final Pki.Issued otherCa = TlsApiServer.root("some-public-ca");
    private final List<AutoCloseable> open = new ArrayList<>();

    @BeforeEach
    void start() {
        upstream = new TrustApiServer().apply(TrustCluster.join(cluster.install(), cluster.controlPlane(), TrustCluster.apps()));
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
        upstream.close();
    }

    private TlsApiServer front(Pki.Issued serving) throws Exception {
        TlsApiServer s = TlsApiServer.tls(serving, null).answering(TlsApiServer.forwardTo("http://127.0.0.1:" + upstream.port()));
        open.add(s);
        return s;
    }

    private Path kubeconfig(String clusterFields, String userFields) throws Exception {
        Path kc = tmp.resolve("kubeconfig-" + System.nanoTime());
        Files.writeString(kc, "apiVersion: v1\nkind: Config\ncurrent-context: x\n"
                + "clusters:\n- name: c\n  cluster:\n" + clusterFields
                + "users:\n- name: u\n  user:\n" + userFields
                + "contexts:\n- name: x\n  context: {cluster: c, user: u, namespace: shop}\n");
        return kc;
    }

    private static String ca(Pki.Issued ca) {
        return "    certificate-authority-data: " + TlsApiServer.b64(ca.certificatePem()) + "\n";
    }

    private static Result run(Path kc, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--kubeconfig");
        all.add(kc.toString());
        return Result.of(all.toArray(String[]::new));
    }

    static void oneLine(Result r, int code, String... fragments) {
        FaultMatrixTest.assertOneLineError(r, code, fragments);
    }

    /**
     * A server whose certificate a public CA (one in the JVM's trust store) signed is refused when the
     * kubeconfig names its own CA, before any request, so the token is never sent to it; without a CA
     * in the kubeconfig the system's trust store is what kubectl uses too.
     */
    @Test
    void theKubeconfigsAuthorityAloneIsTrusted() throws Exception {
        TlsApiServer impostor = front(TlsApiServer.serving(otherCa));
        Path store = tmp.resolve("cacerts.p12");
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setCertificateEntry("public-ca", otherCa.certificate());
        try (var out = Files.newOutputStream(store)) {
            ks.store(out, "changeit".toCharArray());
        }
        String[] props = {"javax.net.ssl.trustStore", "javax.net.ssl.trustStorePassword", "javax.net.ssl.trustStoreType"};
        String[] saved = new String[props.length];
        for (int i = 0; i < props.length; i++) {
            saved[i] = System.getProperty(props[i]);
        }
        System.setProperty(props[0], store.toString());
        System.setProperty(props[1], "changeit");
        System.setProperty(props[2], "PKCS12");
        try {
            Result refused = run(kubeconfig("    server: " + impostor.url() + "\n" + ca(ca), "    token: " + TOKEN + "\n"),
                    "explain", "pods", "-A");
            oneLine(refused, 69, "cannot reach the API server at " + impostor.url(),
                    "TLS: the API server's certificate is not signed by the certificate-authority-data of cluster \"c\"");
            assertThat(impostor.seen()).as("no request, so no token").isEmpty();

            Result systemTrust = run(kubeconfig("    server: " + impostor.url() + "\n", "    token: " + TOKEN + "\n"),
                    "explain", "pods", "-A");
            assertThat(systemTrust.exitCode()).as(systemTrust.err()).isIn(0, 1);
            assertThat(impostor.seen()).isNotEmpty().allSatisfy(s -> assertThat(s.header("Authorization"))
                    .isEqualTo("Bearer " + TOKEN));
        } finally {
            for (int i = 0; i < props.length; i++) {
                if (saved[i] == null) {
                    System.clearProperty(props[i]);
                } else {
                    System.setProperty(props[i], saved[i]);
                }
            }
        }
    }

    @Test
    void certificateAuthorityDataThatIsNotBase64OrNotPemIsAnError() throws Exception {
        TlsApiServer s = front(TlsApiServer.serving(ca));
        oneLine(run(kubeconfig("    server: " + s.url() + "\n    certificate-authority-data: '!!not base64!!'\n",
                "    token: t\n"), "explain", "pods", "-A"), 65, "cluster \"c\"", "certificate-authority-data is not valid base64");
        oneLine(run(kubeconfig("    server: " + s.url() + "\n    certificate-authority-data: "
                + TlsApiServer.b64("just text, no certificate") + "\n", "    token: t\n"), "check"), 65,
                "certificate-authority-data holds no PEM certificate");
        assertThat(s.seen()).isEmpty();
    }

    @Test
    void insecureSkipTlsVerifyWithACertificateAuthorityIsRefusedAsKubectlRefusesIt() throws Exception {
        TlsApiServer s = front(TlsApiServer.serving(ca));
        oneLine(run(kubeconfig("    server: " + s.url() + "\n" + ca(ca) + "    insecure-skip-tls-verify: true\n",
                "    token: t\n"), "explain", "pods", "-A"), 65,
                "specifying a root certificates file with the insecure flag is not allowed");
        assertThat(s.seen()).isEmpty();
    }

    @Test
    void tlsServerNameIsTheNameTheCertificateMustCarry() throws Exception {
        TlsApiServer s = front(TlsApiServer.servingNamesOnly(ca, "kubernetes.cluster.internal"));
        Result named = run(kubeconfig("    server: " + s.url() + "\n" + ca(ca)
                + "    tls-server-name: kubernetes.cluster.internal\n", "    token: t\n"), "explain", "pods", "-A");
        assertThat(named.exitCode()).as(named.err()).isIn(0, 1);
        int before = s.seen().size();
        oneLine(run(kubeconfig("    server: " + s.url() + "\n" + ca(ca), "    token: t\n"), "explain", "pods", "-A"), 69,
                "TLS: the server's certificate is not valid for 127.0.0.1");
        assertThat(s.seen()).hasSize(before);
    }

    /** A redirect is an error naming its target: neither the token nor the client certificate follows it. */
    @Test
    void noCredentialFollowsARedirect() throws Exception {
        TlsApiServer elsewhere = TlsApiServer.plain().answering(r -> Answer.json(200, "{}"));
        open.add(elsewhere);
        for (String target : List.of(elsewhere.url(), "https://127.0.0.1:" + elsewhere.port(), "https://evil.example")) {
            TlsApiServer s = TlsApiServer.tls(TlsApiServer.serving(ca), null)
                    .answering(r -> Answer.json(302, "").withHeader("Location", target + r.path()));
            open.add(s);
            Result r = run(kubeconfig("    server: " + s.url() + "\n" + ca(ca), "    token: " + TOKEN + "\n"),
                    "explain", "pods", "-A");
            oneLine(r, 69, "redirected GET /api/v1/", "to " + target + "/api/v1/", "redirects are not followed");
            assertThat(r.err()).doesNotContain(TOKEN);
            assertThat(s.seen()).hasSize(1);
        }
        assertThat(elsewhere.seen()).isEmpty();
    }

    /** User info in the server URL authenticates like kubectl's, and its password appears nowhere. */
    @Test
    void aPasswordInTheServerUrlIsUsedButNeverShown() throws Exception {
        TlsApiServer s = front(TlsApiServer.serving(ca));
        String withPassword = "https://admin:hunter2-" + TOKEN + "@127.0.0.1:" + s.port();
        Path kc = kubeconfig("    server: " + withPassword + "\n" + ca(ca), "    {}\n");
        Path out = tmp.resolve("snap.yaml");
        Result snapshot = run(kc, "snapshot", "-o", out.toString());
        assertThat(snapshot.exitCode()).as(snapshot.err()).isZero();
        assertThat(s.seen().get(0).header("Authorization"))
                .isEqualTo("Basic " + Base64.getEncoder().encodeToString(("admin:hunter2-" + TOKEN).getBytes(StandardCharsets.UTF_8)));
        assertThat(Files.readString(out)).contains("context x (https://127.0.0.1:" + s.port() + ")")
                .doesNotContain("hunter2");
        s.close();
        Result refused = run(kc, "explain", "pods", "-A", "--debug");
        assertThat(refused.exitCode()).isEqualTo(69);
        assertThat(refused.err()).contains("cannot reach the API server at https://127.0.0.1:" + s.port())
                .doesNotContain("hunter2");
    }

    /** --debug shows stack traces, never the text of a kubeconfig line: it may be a token or a key. */
    @Test
    void aMalformedKubeconfigLineIsNotQuotedEvenWithDebug() throws Exception {
        String key = TlsApiServer.pkcs8(TlsApiServer.servingNamesOnly(ca, "alice"));
        String keyB64 = TlsApiServer.b64(key);
        Path yaml = tmp.resolve("broken.yaml");
        Files.writeString(yaml, "apiVersion: v1\nusers: [{name: u, user: {token: " + TOKEN + ", client-key-data: "
                + keyB64 + ": oops}}\ncurrent-context: x\n");
        Path json = tmp.resolve("broken.json");
        Files.writeString(json, "{\"users\": [{\"name\": \"u\", \"user\": {\"token\": " + TOKEN + "}}]}");
        for (Path kc : List.of(yaml, json)) {
            Result r = run(kc, "explain", "pods", "-A", "--debug");
            assertThat(r.exitCode()).as(r.err()).isEqualTo(65);
            assertThat(r.err()).startsWith("error: " + kc + ": line ").contains("malformed kubeconfig")
                    .doesNotContain(TOKEN).doesNotContain(keyB64.substring(0, 40)).doesNotContain("oops");
        }
    }

    /** A client key that is not one is refused naming the entry, and no byte of it is printed. */
    @Test
    void aGarbageClientKeyIsAnErrorThatShowsNothingOfIt() throws Exception {
        TlsApiServer s = front(TlsApiServer.serving(ca));
        Pki.Issued alice = TlsApiServer.servingNamesOnly(ca, "alice");
        String garbage = "-----BEGIN PRIVATE KEY-----\n" + TlsApiServer.b64("secret-garbage-" + TOKEN) + "\n-----END PRIVATE KEY-----\n";
        Result r = run(kubeconfig("    server: " + s.url() + "\n" + ca(ca),
                "    client-certificate-data: " + TlsApiServer.b64(alice.certificatePem()) + "\n    client-key-data: "
                        + TlsApiServer.b64(garbage) + "\n"), "explain", "pods", "-A", "--debug");
        assertThat(r.exitCode()).isEqualTo(65);
        assertThat(r.err()).contains("user \"u\"", "client-key-data holds a PRIVATE KEY block that is not an RSA, EC or"
                + " Ed25519 key").doesNotContain(TOKEN).doesNotContain("secret-garbage");
        assertThat(s.seen()).isEmpty();
    }

    static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
