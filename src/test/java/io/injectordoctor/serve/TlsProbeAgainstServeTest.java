package io.injectordoctor.serve;

import static org.assertj.core.api.Assertions.assertThat;

import io.injectordoctor.certs.Pki;
import io.injectordoctor.certs.ProbeOutcome;
import io.injectordoctor.report.ServedChainVerdict;
import io.injectordoctor.certs.ServedChainVerifier;
import io.injectordoctor.certs.TlsProbe;
import io.injectordoctor.mutation.InjectionSettings;
import io.injectordoctor.mutation.Injector;
import io.injectordoctor.mutation.ReferenceGate;
import io.injectordoctor.mesh.RuleSet;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** check-certs' TLS probe and chain verification against a running {@code serve}. */
class TlsProbeAgainstServeTest {
    private static final String SERVICE_NAME = "istiod.istio-system.svc";

    @TempDir
    static Path dir;
    static TestTls tls;
    static WebhookServer server;

    @BeforeAll
    static void start() throws Exception {
        tls = new TestTls(dir);
        server = WebhookServer.start(new InetSocketAddress(InetAddress.getByName("localhost"), 0),
                TlsContexts.server(tls.certFile, tls.keyFile),
                new AdmissionHandler(new Injector(ReferenceGate.kubeInject(RuleSet.ISTIO_1_27_PLUS),
                        InjectionSettings.defaults())), line -> { });
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static ServedChainVerdict verify(Pki.Issued bundleRoot, String dnsName) {
        ProbeOutcome outcome = TlsProbe.probe("localhost", server.address().getPort(), dnsName, Duration.ofSeconds(10));
        assertThat(outcome).isInstanceOf(ProbeOutcome.Served.class);
        return ServedChainVerifier.verify(outcome, List.of(bundleRoot.certificate()), dnsName, Instant.now(),
                Duration.ofDays(0));
    }

    @Test
    void aBundleWithTheServingRootIsTrusted() {
        ServedChainVerdict v = verify(tls.root, SERVICE_NAME);
        assertThat(v.status()).as(v.problems().toString()).isEqualTo(ServedChainVerdict.Status.OK);
        assertThat(v.trusted()).isTrue();
        assertThat(v.apiServerError()).isNull();
    }

    @Test
    void aBundleWithAnotherRootIsUnknownAuthority() {
        Instant now = Instant.now();
        Pki.Issued other = Pki.root("stale-root", now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(1)));
        ServedChainVerdict v = verify(other, SERVICE_NAME);
        assertThat(v.status()).isEqualTo(ServedChainVerdict.Status.UNTRUSTED);
        assertThat(v.apiServerError()).contains("x509: certificate signed by unknown authority");
    }

    @Test
    void aServiceNameTheCertificateDoesNotCarryIsAMismatch() {
        ServedChainVerdict v = verify(tls.root, "istiod-canary.istio-system.svc");
        assertThat(v.status()).isEqualTo(ServedChainVerdict.Status.NAME_MISMATCH);
        assertThat(v.nameMatches()).isFalse();
    }
}
