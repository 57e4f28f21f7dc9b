package io.injectordoctor.certs;

import io.injectordoctor.report.ServedChainVerdict;
import io.injectordoctor.report.Validity;
import io.injectordoctor.report.CertIdentity;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A real TLS server presents test-time certificates; the probe captures, the verifier judges. */
class ServedChainTest {
    private static final String DNS = "istiod.istio-system.svc";
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final Duration WINDOW = Duration.ofDays(30);
    private final Pki.Issued root = TestCerts.root("mesh-root");
    private final Pki.Issued unrelated = TestCerts.root("unrelated-root");

    @Test
    void aChainFromTheBundleRootWithTheServiceNameIsAccepted() throws Exception {
        Pki.Issued leaf = TestCerts.serving(root, "istiod.istio-system.svc", "istiod-remote.istio-system.svc");
        ServedChainVerdict v = probeAndVerify(new TlsServer(leaf), List.of(root.certificate()));
        assertThat(v.status()).isEqualTo(ServedChainVerdict.Status.OK);
        assertThat(v.apiServerError()).isNull();
        assertThat(v.trustedBy()).isEqualTo(CertIdentities.fingerprint(root.certificate()));
        assertThat(v.chain()).extracting(CertIdentity::sha256).containsExactly(CertIdentities.fingerprint(leaf.certificate()));
        assertThat(v.nameMatches()).isTrue();
        assertThat(v.problems()).isEmpty();
    }

    @Test
    void aChainFromAnUnrelatedRootIsSignedByAnUnknownAuthority() throws Exception {
        Pki.Issued leaf = TestCerts.serving(unrelated, DNS);
        ServedChainVerdict v = probeAndVerify(new TlsServer(leaf), List.of(root.certificate()));
        assertThat(v.status()).isEqualTo(ServedChainVerdict.Status.UNTRUSTED);
        assertThat(v.trusted()).isFalse();
        assertThat(v.apiServerError()).isEqualTo("x509: certificate signed by unknown authority");
        assertThat(v.problems()).singleElement().asString().contains("unrelated-root");
    }

    @Test
    void aBundleWithTwoRootsOneRightTrustsTheChain() throws Exception {
        Pki.Issued leaf = TestCerts.serving(root, DNS);
        ServedChainVerdict v = probeAndVerify(new TlsServer(leaf), List.of(unrelated.certificate(), root.certificate()));
        assertThat(v.status()).isEqualTo(ServedChainVerdict.Status.OK);
        assertThat(v.trustedBy()).isEqualTo(CertIdentities.fingerprint(root.certificate()));
    }

    @Test
    void aLeafWithoutTheServiceNameIsRejectedWithGosMessage() throws Exception {
        Pki.Issued leaf = TestCerts.serving(root, "istiod.other-ns.svc");
        ServedChainVerdict v = probeAndVerify(new TlsServer(leaf), List.of(root.certificate()));
        assertThat(v.status()).isEqualTo(ServedChainVerdict.Status.NAME_MISMATCH);
        assertThat(v.trusted()).isTrue();
        assertThat(v.apiServerError()).isEqualTo("x509: certificate is valid for istiod.other-ns.svc, not " + DNS);
    }

    @Test
    void anExpiredLeafIsOutOfDate() throws Exception {
        Instant now = Instant.now();
        Pki.Issued leaf = Pki.serving(root, "istiod", List.of(DNS), now.minus(Duration.ofDays(30)),
                now.minus(Duration.ofDays(1)));
        ServedChainVerdict v = probeAndVerify(new TlsServer(leaf), List.of(root.certificate()));
        assertThat(v.status()).isEqualTo(ServedChainVerdict.Status.OUT_OF_DATE);
        assertThat(v.apiServerError()).startsWith("x509: certificate has expired or is not yet valid");
        assertThat(v.validity()).extracting(Validity::status).containsExactly(Validity.Status.EXPIRED);
        assertThat(v.trusted()).isTrue();
    }

    @Test
    void aServedIntermediateLeadsToTheBundleRoot() throws Exception {
        Instant now = Instant.now();
        Pki.Issued intermediate = Pki.intermediate(root, "istio-intermediate", now.minus(Duration.ofDays(1)),
                now.plus(Duration.ofDays(100)));
        Pki.Issued leaf = TestCerts.serving(intermediate, DNS);
        ServedChainVerdict v = probeAndVerify(new TlsServer(leaf, intermediate.certificate()), List.of(root.certificate()));
        assertThat(v.status()).isEqualTo(ServedChainVerdict.Status.OK);
        assertThat(v.chain()).hasSize(2);
        assertThat(v.trustedBy()).isEqualTo(CertIdentities.fingerprint(root.certificate()));

        ServedChainVerdict missing = probeAndVerify(new TlsServer(leaf), List.of(root.certificate()));
        assertThat(missing.status()).isEqualTo(ServedChainVerdict.Status.UNTRUSTED);
        assertThat(missing.problems()).singleElement().asString().contains("istio-intermediate");
    }

    @Test
    void anExpiringLeafIsStillAcceptedButItsValiditySaysSo() throws Exception {
        Instant now = Instant.now();
        Pki.Issued leaf = Pki.serving(root, "istiod", List.of(DNS), now.minus(Duration.ofDays(1)),
                now.plus(Duration.ofDays(3)));
        ServedChainVerdict v = probeAndVerify(new TlsServer(leaf), List.of(root.certificate()));
        assertThat(v.status()).isEqualTo(ServedChainVerdict.Status.OK);
        assertThat(v.validity()).extracting(Validity::status).containsExactly(Validity.Status.EXPIRING_SOON);
    }

    @Test
    void nothingListeningIsAProbeFailureNotAVerdict() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        ProbeOutcome o = TlsProbe.probe("127.0.0.1", port, DNS, TIMEOUT);
        assertThat(o).isInstanceOf(ProbeOutcome.Failed.class);
        ServedChainVerdict v = ServedChainVerifier.verify(o, List.of(root.certificate()), DNS, Instant.now(), WINDOW);
        assertThat(v.status()).isEqualTo(ServedChainVerdict.Status.PROBE_FAILED);
        assertThat(v.problems()).singleElement().asString().contains("Connect");
    }

    @Test
    void wildcardsMatchOneLabelOnly() {
        assertThat(ServedChainVerifier.matches("*.istio-system.svc", DNS)).isTrue();
        assertThat(ServedChainVerifier.matches("*.svc", DNS)).isFalse();
        assertThat(ServedChainVerifier.matches("ISTIOD.istio-system.SVC", DNS)).isTrue();
    }

    private static ServedChainVerdict probeAndVerify(TlsServer server, List<X509Certificate> bundle) {
        try (server) {
            ProbeOutcome o = TlsProbe.probe(server.host(), server.port(), DNS, TIMEOUT);
            assertThat(o).as("handshake").isInstanceOf(ProbeOutcome.Served.class);
            return ServedChainVerifier.verify(o, bundle, DNS, Instant.now(), WINDOW);
        }
    }
}
