package io.injectordoctor.certs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PkiTest {
    @Test
    void servingCertificateIsSignedByItsRootAndCarriesTheNames() throws Exception {
        Instant now = Instant.now();
        Pki.Issued root = Pki.root("test-root", now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(1)));
        Pki.Issued leaf = Pki.serving(root, "istiod", List.of("istiod.istio-system.svc"),
                now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(1)));

        leaf.certificate().verify(root.certificate().getPublicKey());
        assertThat(leaf.certificate().getSubjectAlternativeNames())
                .extracting(l -> (Object) l.get(1)).containsExactly("istiod.istio-system.svc");
        assertThat(root.certificate().getBasicConstraints()).isGreaterThanOrEqualTo(0);
        assertThat(leaf.certificatePem()).startsWith("-----BEGIN CERTIFICATE-----");
    }
}
