package io.injectordoctor.report;

import java.time.Instant;
import java.util.List;

/**
 * What a certificate really is, independent of how its PEM or base64 text is laid out: the DER
 * SHA-256 fingerprint (as {@code openssl x509 -noout -fingerprint -sha256} prints it), names, key
 * ids, validity and the CA flag.
 */
public record CertIdentity(String sha256, String subject, String issuer, String serial, String subjectKeyId,
        String authorityKeyId, Instant notBefore, Instant notAfter, boolean ca, boolean selfSigned,
        List<String> dnsNames) {
    public CertIdentity {
        dnsNames = dnsNames == null ? List.of() : List.copyOf(dnsNames);
    }

    /** A short label for messages: the subject and the first bytes of the fingerprint. */
    public String label() {
        return subject + " (sha256 " + sha256.substring(0, Math.min(sha256.length(), 23)) + "...)";
    }

}
