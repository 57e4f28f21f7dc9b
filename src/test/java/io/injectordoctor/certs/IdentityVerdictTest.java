package io.injectordoctor.certs;

import io.injectordoctor.report.IdentityVerdict;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class IdentityVerdictTest {
    private final Pki.Issued root = TestCerts.root("mesh-root");
    private final Pki.Issued other = TestCerts.root("old-root");

    @Test
    void theSameRootMatchesAndTheDigestsAgree() {
        IdentityVerdict v = compare(TestCerts.caBundle(root), root.certificatePem());
        assertThat(v.status()).isEqualTo(IdentityVerdict.Status.MATCH);
        assertThat(v.runbookDigestsEqual()).isTrue();
        assertThat(v.matched()).containsExactly(CertIdentities.fingerprint(root.certificate()));
    }

    @Test
    void whitespaceOnlyDifferencesChangeTheDigestButNotTheVerdict() {
        String crlfPem = root.certificatePem().replace("\n", "\r\n");
        IdentityVerdict v = compare(TestCerts.caBundle(crlfPem), root.certificatePem());
        assertThat(v.status()).isEqualTo(IdentityVerdict.Status.MATCH);
        assertThat(v.runbookDigestsEqual()).isFalse();
        assertThat(v.detail()).contains("differ only in layout");

        String wrapped = Base64.getMimeEncoder().encodeToString(root.certificatePem().getBytes(StandardCharsets.UTF_8));
        assertThat(compare(wrapped, root.certificatePem()).status()).isEqualTo(IdentityVerdict.Status.MATCH);
    }

    @Test
    void bundleOrderDoesNotMatter() {
        String rootPem = other.certificatePem() + root.certificatePem();
        IdentityVerdict v = compare(TestCerts.caBundle(root, other), rootPem);
        assertThat(v.status()).isEqualTo(IdentityVerdict.Status.MATCH);
        assertThat(v.runbookDigestsEqual()).isFalse();
    }

    @Test
    void aBundleWithTwoRootsOneRightMatchesWithExtra() {
        IdentityVerdict v = compare(TestCerts.caBundle(other, root), root.certificatePem());
        assertThat(v.status()).isEqualTo(IdentityVerdict.Status.MATCH_WITH_EXTRA);
        assertThat(v.otherBundleCerts()).containsExactly(CertIdentities.fingerprint(other.certificate()));
    }

    @Test
    void aBundleWithoutTheRootDoesNotMatch() {
        IdentityVerdict v = compare(TestCerts.caBundle(other), root.certificatePem());
        assertThat(v.status()).isEqualTo(IdentityVerdict.Status.NO_MATCH);
        assertThat(v.rootsMissingFromBundle()).containsExactly(CertIdentities.fingerprint(root.certificate()));
        assertThat(v.detail()).contains("mesh-root");
    }

    @Test
    void aRootInRotationIsPartlyMatched() {
        IdentityVerdict v = compare(TestCerts.caBundle(root), root.certificatePem() + other.certificatePem());
        assertThat(v.status()).isEqualTo(IdentityVerdict.Status.PARTIAL);
    }

    @Test
    void unknownRootAndUnusableBundleAreSaidSo() {
        assertThat(IdentityComparison.compare(List.of(CertIdentities.of(root.certificate())), List.of(), null, null)
                .status()).isEqualTo(IdentityVerdict.Status.ROOT_UNKNOWN);
        assertThat(compare("", root.certificatePem()).status()).isEqualTo(IdentityVerdict.Status.BUNDLE_UNUSABLE);
    }

    private static IdentityVerdict compare(String bundle, String rootPem) {
        return IdentityComparison.compare(BundleParser.parseCaBundle(bundle).identities(),
                BundleParser.parsePem(rootPem).identities(),
                RunbookDigests.ofCaBundle(bundle, "c", 0).md5(),
                RunbookDigests.ofConfigMapEntry(rootPem, "istio-system", "istio-ca-root-cert", "root-cert.pem").md5());
    }
}
