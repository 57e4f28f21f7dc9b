package io.injectordoctor.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.injectordoctor.DoctorException;
import java.io.StringWriter;
import java.net.URI;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.junit.jupiter.api.Test;

/** The pure rules of the transport: retry waits, proxy choice, host name matching, masking, key formats. */
class TransportRulesTest {
    static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

    @Test
    void retryAfterIsClampedToZeroAndFiveSeconds() {
        assertThat(RetryPolicy.wait("2", 1, NOW)).isEqualTo(Duration.ofSeconds(2));
        assertThat(RetryPolicy.wait("-30", 1, NOW)).isEqualTo(Duration.ZERO);
        assertThat(RetryPolicy.wait("86400", 1, NOW)).isEqualTo(RetryPolicy.MAX_WAIT);
        assertThat(RetryPolicy.wait("99999999999999999999999999", 1, NOW)).isEqualTo(RetryPolicy.MAX_WAIT);
        assertThat(RetryPolicy.wait("Sun, 22 Nov 2026 10:00:03 GMT", 1, NOW)).isEqualTo(Duration.ofSeconds(3));
        assertThat(RetryPolicy.wait("Mon, 01 Jan 1990 00:00:00 GMT", 1, NOW)).isEqualTo(Duration.ZERO);
        assertThat(RetryPolicy.wait("Fri, 31 Dec 9999 23:59:59 GMT", 1, NOW)).isEqualTo(RetryPolicy.MAX_WAIT);
        assertThat(RetryPolicy.wait("whenever", 2, NOW)).isEqualTo(Duration.ofMillis(400));
        assertThat(RetryPolicy.wait(null, 1, NOW)).isEqualTo(Duration.ofMillis(200));
    }

    @Test
    void readsRetryOn429And503WritesOnlyOn429AndNeverPastTheThirdAttempt() {
        assertThat(RetryPolicy.retryable("GET", 503, 1)).isTrue();
        assertThat(RetryPolicy.retryable("GET", 429, 2)).isTrue();
        assertThat(RetryPolicy.retryable("GET", 429, 3)).isFalse();
        assertThat(RetryPolicy.retryable("GET", 500, 1)).isFalse();
        assertThat(RetryPolicy.retryable("PATCH", 503, 1)).isFalse();
        assertThat(RetryPolicy.retryable("PATCH", 429, 1)).isTrue();
    }

    Environment env(Map<String, String> vars) {
        return new Environment(vars, java.nio.file.Path.of("/nonexistent"), java.nio.file.Path.of("/nonexistent"), false);
    }

    @Test
    void theProxyIsChosenAsGoChoosesIt() {
        URI api = URI.create("https://api.prod.example:6443");
        Map<String, String> vars = Map.of("HTTPS_PROXY", "egress:3128", "http_proxy", "http://plain:80");
        assertThat(ProxyChoice.forServer(api, null, env(vars), "c")).isEqualTo(URI.create("http://egress:3128"));
        assertThat(ProxyChoice.forServer(URI.create("http://api.prod.example"), null, env(vars), "c"))
                .isEqualTo(URI.create("http://plain:80"));
        assertThat(ProxyChoice.forServer(URI.create("https://127.0.0.1:6443"), null, env(vars), "c")).isNull();
        assertThat(ProxyChoice.forServer(URI.create("https://localhost:6443"), null, env(vars), "c")).isNull();
        assertThat(ProxyChoice.forServer(api, "socks5://jump:1080", env(vars), "c")).isEqualTo(URI.create("socks5://jump:1080"));
        for (String noProxy : new String[] {"*", "prod.example", ".prod.example", "*.prod.example", "api.prod.example:6443",
            "other, api.prod.example "}) {
            assertThat(ProxyChoice.useProxy(api, noProxy)).as(noProxy).isFalse();
        }
        for (String noProxy : new String[] {"api.prod.example:443", "example.org", ".api.prod.example"}) {
            assertThat(ProxyChoice.useProxy(api, noProxy)).as(noProxy).isTrue();
        }
        assertThat(ProxyChoice.useProxy(URI.create("https://10.1.2.3"), "10.0.0.0/8")).isFalse();
        assertThat(ProxyChoice.useProxy(URI.create("https://11.1.2.3"), "10.0.0.0/8")).isTrue();
        assertThatThrownBy(() -> ProxyChoice.forServer(api, "ftp://x:21", env(vars), "cluster c"))
                .isInstanceOf(DoctorException.class).hasMessageContaining("proxy-url of cluster c 'ftp://x:21' is not a proxy URL");
    }

    @Test
    void hostNamesMatchAsGoMatchesThem() {
        assertThat(TlsSetup.dnsMatch("api.example", "API.example.")).isTrue();
        assertThat(TlsSetup.dnsMatch("*.example", "api.example")).isTrue();
        assertThat(TlsSetup.dnsMatch("*.example", "a.b.example")).isFalse();
        assertThat(TlsSetup.dnsMatch("*.example", "example")).isFalse();
        assertThat(TlsSetup.dnsMatch("api.example", "other.example")).isFalse();
    }

    @Test
    void passwordsInUrlsAreMasked() {
        assertThat(Redact.urls("cannot reach https://admin:s3cr3t@10.0.0.1:6443/api and http://u:p@h"))
                .isEqualTo("cannot reach https://admin:***@10.0.0.1:6443/api and http://u:***@h");
        assertThat(Redact.urls("https://10.0.0.1:6443 user@example.com")).isEqualTo("https://10.0.0.1:6443 user@example.com");
    }

    /** kubeadm writes RSA keys as PKCS#1, kind and k3s EC keys as SEC1, cloud CLIs PKCS#8: all are read. */
    @Test
    void theThreeKeyFormatsAreReadAndNoneIsQuotedWhenWrong() throws Exception {
        for (String alg : new String[] {"RSA", "EC"}) {
            KeyPairGenerator g = KeyPairGenerator.getInstance(alg);
            g.initialize(alg.equals("RSA") ? 2048 : 256);
            KeyPair kp = g.generateKeyPair();
            StringWriter w = new StringWriter();
            try (JcaPEMWriter pw = new JcaPEMWriter(w)) {
                if (alg.equals("RSA")) {
                    pw.writeObject(kp);
                } else {
                    // SEC1 as openssl writes it, with the curve named (BouncyCastle's writer leaves it out).
                    java.math.BigInteger d = ((java.security.interfaces.ECPrivateKey) kp.getPrivate()).getS();
                    org.bouncycastle.asn1.sec.ECPrivateKey sec1 = new org.bouncycastle.asn1.sec.ECPrivateKey(256, d, null,
                            org.bouncycastle.asn1.sec.SECObjectIdentifiers.secp256r1);
                    pw.writeObject(new org.bouncycastle.util.io.pem.PemObject("EC PRIVATE KEY", sec1.getEncoded()));
                }
            }
            assertThat(w.toString()).startsWith("-----BEGIN " + alg + " PRIVATE KEY-----");
            PrivateKey k = Pem.privateKey(w.toString());
            if (k instanceof java.security.interfaces.ECPrivateKey ec) {
                assertThat(ec.getS()).isEqualTo(((java.security.interfaces.ECPrivateKey) kp.getPrivate()).getS());
            } else {
                assertThat(k.getEncoded()).isEqualTo(kp.getPrivate().getEncoded());
            }
            String pkcs8 = "-----BEGIN PRIVATE KEY-----\n" + java.util.Base64.getMimeEncoder().encodeToString(
                    kp.getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n";
            assertThat(Pem.privateKey(pkcs8).getEncoded()).isEqualTo(kp.getPrivate().getEncoded());
        }
        assertThatThrownBy(() -> Pem.privateKey("-----BEGIN EC PRIVATE KEY-----\nc2VjcmV0\n-----END EC PRIVATE KEY-----\n"))
                .hasMessage("a EC PRIVATE KEY block that does not parse");
        assertThatThrownBy(() -> Pem.privateKey("-----BEGIN ENCRYPTED PRIVATE KEY-----\nc2VjcmV0\n-----END ENCRYPTED PRIVATE KEY-----\n"))
                .hasMessage("an encrypted private key (kubectl cannot use one either)");
        assertThatThrownBy(() -> Pem.certificates("no certificate")).hasMessage("no PEM certificate ('-----BEGIN CERTIFICATE-----' block)");
    }
}
