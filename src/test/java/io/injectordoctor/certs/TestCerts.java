package io.injectordoctor.certs;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

/** Certificates issued at test time, and the encodings the cluster stores them in. */
public final class TestCerts {
    public static final Instant NOW = Instant.now();

    private TestCerts() {
    }

    public static Pki.Issued root(String cn) {
        return Pki.root(cn, NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(3650)));
    }

    public static Pki.Issued serving(Pki.Issued root, String... dnsNames) {
        return Pki.serving(root, "istiod", List.of(dnsNames), NOW.minus(Duration.ofDays(1)),
                NOW.plus(Duration.ofDays(365)));
    }

    /** The caBundle text as istiod writes it: base64 of the PEM, no line breaks. */
    public static String caBundle(String pem) {
        return Base64.getEncoder().encodeToString(pem.getBytes(StandardCharsets.UTF_8));
    }

    public static String caBundle(Pki.Issued... certs) {
        StringBuilder pem = new StringBuilder();
        for (Pki.Issued c : certs) {
            pem.append(c.certificatePem());
        }
        return caBundle(pem.toString());
    }
}
