package io.injectordoctor.certs;

import io.injectordoctor.report.BundleProblem;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Reads a webhook's {@code caBundle} (the base64 text as stored) or a plain PEM text into
 * certificates, classifying everything that cannot be used. Pure: no I/O.
 */
public final class BundleParser {
    private BundleParser() {
    }

    /** A caBundle as it appears in the object: base64 of PEM. Line breaks in the base64 are ignored, as Go's decoder ignores them. */
    public static ParsedCertificates parseCaBundle(String base64Text) {
        if (base64Text == null || base64Text.isBlank()) {
            return new ParsedCertificates(List.of(), List.of(new BundleProblem(BundleProblem.Kind.EMPTY,
                    "the caBundle is empty")));
        }
        String compact = base64Text.replaceAll("\\s", "");
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(compact);
        } catch (IllegalArgumentException e) {
            return new ParsedCertificates(List.of(), List.of(new BundleProblem(BundleProblem.Kind.BAD_BASE64,
                    "the caBundle is not base64: " + e.getMessage())));
        }
        if (decoded.length == 0) {
            return new ParsedCertificates(List.of(), List.of(new BundleProblem(BundleProblem.Kind.EMPTY,
                    "the caBundle decodes to nothing")));
        }
        return parsePem(new String(decoded, StandardCharsets.ISO_8859_1));
    }

    /** A PEM text, as kept in a configmap, a secret entry or a file. */
    public static ParsedCertificates parsePem(String pem) {
        if (pem == null || pem.isBlank()) {
            return new ParsedCertificates(List.of(), List.of(new BundleProblem(BundleProblem.Kind.EMPTY,
                    "the text is empty")));
        }
        List<PemBlocks.Block> blocks = PemBlocks.scan(pem);
        if (blocks.isEmpty()) {
            return new ParsedCertificates(List.of(), List.of(new BundleProblem(BundleProblem.Kind.NOT_PEM,
                    "no PEM block ('-----BEGIN CERTIFICATE-----') found")));
        }
        List<X509Certificate> certs = new ArrayList<>();
        List<BundleProblem> problems = new ArrayList<>();
        int index = 0;
        for (PemBlocks.Block b : blocks) {
            index++;
            if (!b.certificate()) {
                problems.add(new BundleProblem(BundleProblem.Kind.NOT_CERTIFICATE,
                        "block " + index + " is a '" + b.type() + "' block, not a CERTIFICATE"
                                + (b.type().contains("PRIVATE KEY") ? " (its content was not read)" : "")));
            } else if (b.malformed() != null) {
                problems.add(new BundleProblem(BundleProblem.Kind.UNPARSEABLE_CERTIFICATE,
                        "block " + index + ": " + b.malformed()));
            } else {
                try {
                    certs.add(certificate(b.der()));
                } catch (CertificateException e) {
                    problems.add(new BundleProblem(BundleProblem.Kind.UNPARSEABLE_CERTIFICATE,
                            "block " + index + " is not a valid X.509 certificate: " + e.getMessage()));
                }
            }
        }
        return new ParsedCertificates(certs, problems);
    }

    static X509Certificate certificate(byte[] der) throws CertificateException {
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(der));
    }
}
