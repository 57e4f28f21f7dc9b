package io.injectordoctor.remedy;

import io.injectordoctor.certs.CertIdentities;
import io.injectordoctor.certs.BundleParser;
import io.injectordoctor.report.BundleProblem;
import io.injectordoctor.report.CertIdentity;
import io.injectordoctor.certs.ParsedCertificates;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * The certificates restart-injector compares, read with the certs package's parser (which never
 * reads the body of a key block) and told apart by DER fingerprint, so that two texts of the same
 * certificate (other line breaks, comments) are the same certificate.
 */
final class PemCertificates {
    private PemCertificates() {
    }

    /** Every certificate block that parses; blocks that do not are counted in {@code unparseable}. */
    public record Parsed(List<X509Certificate> certificates, int unparseable) {
        public Parsed {
            certificates = List.copyOf(certificates);
        }
    }

    public static Parsed parse(String pem) {
        if (pem == null) {
            return new Parsed(List.of(), 0);
        }
        ParsedCertificates p = BundleParser.parsePem(pem);
        int bad = (int) p.problems().stream()
                .filter(b -> b.kind() == BundleProblem.Kind.UNPARSEABLE_CERTIFICATE).count();
        return new Parsed(p.certificates(), bad);
    }

    public static boolean sameCertificate(X509Certificate a, X509Certificate b) {
        return CertIdentities.fingerprint(a).equals(CertIdentities.fingerprint(b));
    }

    public static boolean contains(List<X509Certificate> bundle, X509Certificate wanted) {
        return bundle.stream().anyMatch(c -> sameCertificate(c, wanted));
    }

    /** The first eight bytes of the SHA-256 of the DER, enough to tell certificates apart in a line. */
    public static String shortFingerprint(X509Certificate c) {
        return CertIdentities.fingerprint(c).substring(0, 23);
    }
}
