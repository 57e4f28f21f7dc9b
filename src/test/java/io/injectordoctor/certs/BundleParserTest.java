package io.injectordoctor.certs;

import io.injectordoctor.report.BundleProblem;
import io.injectordoctor.report.CertIdentity;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class BundleParserTest {
    private final Pki.Issued root = TestCerts.root("mesh-root");
    private final Pki.Issued other = TestCerts.root("other-root");

    @Test
    void aBundleWithOneCertificateYieldsThatCertificate() {
        ParsedCertificates p = BundleParser.parseCaBundle(TestCerts.caBundle(root));
        assertThat(p.problems()).isEmpty();
        assertThat(p.identities()).extracting(CertIdentity::sha256)
                .containsExactly(CertIdentities.fingerprint(root.certificate()));
    }

    @Test
    void aBundleWithSeveralCertificatesKeepsThemInOrder() {
        ParsedCertificates p = BundleParser.parseCaBundle(TestCerts.caBundle(other, root));
        assertThat(p.identities()).extracting(CertIdentity::sha256).containsExactly(
                CertIdentities.fingerprint(other.certificate()), CertIdentities.fingerprint(root.certificate()));
    }

    @Test
    void emptyAndBlankBundlesAreEmpty() {
        assertThat(BundleParser.parseCaBundle("").problems()).extracting(BundleProblem::kind)
                .containsExactly(BundleProblem.Kind.EMPTY);
        assertThat(BundleParser.parseCaBundle(null).problems()).extracting(BundleProblem::kind)
                .containsExactly(BundleProblem.Kind.EMPTY);
        assertThat(BundleParser.parseCaBundle(" \n").problems()).extracting(BundleProblem::kind)
                .containsExactly(BundleProblem.Kind.EMPTY);
    }

    @Test
    void textThatIsNotBase64IsClassifiedAsSuch() {
        ParsedCertificates p = BundleParser.parseCaBundle("this is *not* base64!");
        assertThat(p.certificates()).isEmpty();
        assertThat(p.problems()).extracting(BundleProblem::kind).containsExactly(BundleProblem.Kind.BAD_BASE64);
    }

    @Test
    void base64OfSomethingElseIsNotPem() {
        ParsedCertificates p = BundleParser.parseCaBundle(b64("hello, webhook"));
        assertThat(p.problems()).extracting(BundleProblem::kind).containsExactly(BundleProblem.Kind.NOT_PEM);
    }

    @Test
    void aPrivateKeyBlockIsNamedButItsContentIsNeverKept() {
        String keyPem = root.keyPem();
        String keyBody = keyPem.lines().filter(l -> !l.startsWith("-----")).findFirst().orElseThrow();
        ParsedCertificates p = BundleParser.parseCaBundle(b64(keyPem));
        assertThat(p.certificates()).isEmpty();
        assertThat(p.problems()).singleElement().satisfies(pr -> {
            assertThat(pr.kind()).isEqualTo(BundleProblem.Kind.NOT_CERTIFICATE);
            assertThat(pr.detail()).contains("PRIVATE KEY").contains("not read").doesNotContain(keyBody);
        });
        assertThat(PemBlocks.scan(keyPem)).singleElement().satisfies(b -> assertThat(b.der()).isNull());
    }

    @Test
    void aKeyNextToACertificateIsReportedAndTheCertificateKept() {
        ParsedCertificates p = BundleParser.parseCaBundle(b64(root.keyPem() + root.certificatePem()));
        assertThat(p.certificates()).hasSize(1);
        assertThat(p.problems()).extracting(BundleProblem::kind).containsExactly(BundleProblem.Kind.NOT_CERTIFICATE);
    }

    @Test
    void aCertificateBlockThatIsNotX509IsUnparseable() {
        String pem = "-----BEGIN CERTIFICATE-----\n" + b64("not a certificate") + "\n-----END CERTIFICATE-----\n";
        ParsedCertificates p = BundleParser.parseCaBundle(b64(pem));
        assertThat(p.problems()).extracting(BundleProblem::kind)
                .containsExactly(BundleProblem.Kind.UNPARSEABLE_CERTIFICATE);
        ParsedCertificates truncated = BundleParser.parsePem(root.certificatePem().replace("-----END CERTIFICATE-----", ""));
        assertThat(truncated.problems()).extracting(BundleProblem::detail).singleElement().asString().contains("END");
    }

    @Test
    void lineBreaksInTheBase64DoNotChangeTheCertificates() {
        String wrapped = Base64.getMimeEncoder().encodeToString(root.certificatePem().getBytes(StandardCharsets.UTF_8));
        assertThat(wrapped).contains("\r\n");
        assertThat(BundleParser.parseCaBundle(wrapped).identities())
                .isEqualTo(BundleParser.parseCaBundle(TestCerts.caBundle(root)).identities());
    }

    @Test
    void identityCarriesNamesKeyIdsAndTheCaFlag() {
        Pki.Issued leaf = TestCerts.serving(root, "istiod.istio-system.svc");
        CertIdentity r = CertIdentities.of(root.certificate());
        CertIdentity l = CertIdentities.of(leaf.certificate());
        assertThat(r.ca()).isTrue();
        assertThat(r.selfSigned()).isTrue();
        assertThat(r.subject()).contains("CN=mesh-root").contains("O=cluster.local");
        assertThat(l.ca()).isFalse();
        assertThat(l.selfSigned()).isFalse();
        assertThat(l.issuer()).isEqualTo(r.subject());
        assertThat(l.authorityKeyId()).isNotNull().isEqualTo(r.subjectKeyId());
        assertThat(l.dnsNames()).containsExactly("istiod.istio-system.svc");
        assertThat(r.sha256()).matches("([0-9A-F]{2}:){31}[0-9A-F]{2}");
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }
}
