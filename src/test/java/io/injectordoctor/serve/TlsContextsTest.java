package io.injectordoctor.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.injectordoctor.DoctorException;
import io.injectordoctor.certs.Pki;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TlsContextsTest {
    @TempDir
    Path dir;

    @Test
    void readsAChainAndAPkcs8Key() throws Exception {
        TestTls tls = new TestTls(dir);
        Files.writeString(tls.certFile, Files.readString(tls.certFile) + tls.root.certificatePem());
        assertThat(TlsContexts.certificates(tls.certFile)).hasSize(2);
        assertThat(TlsContexts.server(tls.certFile, tls.keyFile).getProtocol()).isEqualTo("TLS");
    }

    @Test
    void readsATraditionalRsaKey() throws Exception {
        TestTls tls = new TestTls(dir);
        java.security.KeyPairGenerator g = java.security.KeyPairGenerator.getInstance("RSA");
        g.initialize(1024);
        Path rsa = dir.resolve("rsa.key");
        Files.writeString(rsa, Pki.pem(g.generateKeyPair().getPrivate()));
        assertThat(Files.readString(rsa)).startsWith("-----BEGIN RSA PRIVATE KEY-----");
        assertThat(TlsContexts.privateKey(rsa).getAlgorithm()).isEqualTo("RSA");
        assertThat(TlsContexts.privateKey(tls.keyFile).getAlgorithm()).isEqualTo("EC");
    }

    @Test
    void errorsNameTheFileButNeverItsContent() throws Exception {
        TestTls tls = new TestTls(dir);
        Path key = dir.resolve("broken.key");
        Files.writeString(key, "-----BEGIN RSA PRIVATE KEY-----\nTOPSECRETTOPSECRET\n-----END RSA PRIVATE KEY-----\n");
        assertThatThrownBy(() -> TlsContexts.server(tls.certFile, key)).isInstanceOf(DoctorException.class)
                .hasMessage(key + ": not a PEM private key file").hasNoCause();

        Files.writeString(key, "no pem here\n");
        assertThatThrownBy(() -> TlsContexts.server(tls.certFile, key)).hasMessage(key + ": no PRIVATE KEY block found");
        assertThatThrownBy(() -> TlsContexts.server(key, tls.keyFile)).hasMessage(key + ": no CERTIFICATE block found");
    }

    @Test
    void aKeyThatDoesNotBelongToTheCertificateIsRefusedAtStartUp() throws Exception {
        TestTls tls = new TestTls(dir);
        Instant now = Instant.now();
        Pki.Issued other = Pki.root("other", now, now.plus(Duration.ofDays(1)));
        Path otherKey = dir.resolve("other.key");
        Files.writeString(otherKey, TestTls.pkcs8(other.key()));
        assertThatThrownBy(() -> TlsContexts.server(tls.certFile, otherKey)).isInstanceOf(DoctorException.class)
                .hasMessage("the key in " + otherKey + " does not belong to the first certificate in " + tls.certFile);
        assertThat(TlsContexts.belongsTo(other.key(), other.certificate())).isTrue();
    }
}
