package io.injectordoctor.remedy;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.Test;

class PemCertificatesTest {
    @Test
    void theSameCertificateInDifferentTextIsTheSame() {
        String pem = IstioCluster.ROOT.certificatePem();
        String rewrapped = "# the mesh root\n" + pem.replace("\n", "\r\n").replace("-----\r\n", "-----\n\n");
        X509Certificate a = PemCertificates.parse(pem).certificates().get(0);
        X509Certificate b = PemCertificates.parse(rewrapped).certificates().get(0);
        assertThat(pem).isNotEqualTo(rewrapped);
        assertThat(PemCertificates.sameCertificate(a, b)).isTrue();
    }

    @Test
    void anotherCertificateWithTheSameNameIsNot() {
        X509Certificate root = PemCertificates.parse(IstioCluster.ROOT.certificatePem()).certificates().get(0);
        X509Certificate twin = PemCertificates.parse(io.injectordoctor.certs.Pki.root("mesh root",
                IstioCluster.NOW, IstioCluster.NOW.plusSeconds(3600)).certificatePem()).certificates().get(0);
        assertThat(twin.getSubjectX500Principal()).isEqualTo(root.getSubjectX500Principal());
        assertThat(PemCertificates.sameCertificate(root, twin)).isFalse();
        assertThat(PemCertificates.shortFingerprint(root)).isNotEqualTo(PemCertificates.shortFingerprint(twin))
                .matches("([0-9A-F]{2}:){7}[0-9A-F]{2}");
    }

    @Test
    void aBundleIsSearchedAndKeysAndGarbageAreSkipped() {
        String bundle = IstioCluster.OTHER_ROOT.certificatePem() + IstioCluster.ROOT.keyPem()
                + "-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydGlmaWNhdGU=\n-----END CERTIFICATE-----\n"
                + IstioCluster.ROOT.certificatePem();
        PemCertificates.Parsed parsed = PemCertificates.parse(bundle);
        assertThat(parsed.certificates()).hasSize(2);
        assertThat(parsed.unparseable()).isEqualTo(1);
        X509Certificate root = PemCertificates.parse(IstioCluster.ROOT.certificatePem()).certificates().get(0);
        assertThat(PemCertificates.contains(parsed.certificates(), root)).isTrue();
        assertThat(PemCertificates.contains(List.of(parsed.certificates().get(0)), root)).isFalse();
        assertThat(PemCertificates.parse(null).certificates()).isEmpty();
        assertThat(PemCertificates.parse("not pem at all").certificates()).isEmpty();
    }
}
