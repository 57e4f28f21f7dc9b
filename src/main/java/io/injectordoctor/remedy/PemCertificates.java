package io.injectordoctor.remedy;

import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Certificates out of PEM text, compared by their DER encoding: two PEM texts that differ only in
 * line breaks or surrounding comments hold the same certificate. Any other PEM block (a key, say)
 * is skipped without being decoded.
 */
public final class PemCertificates {
    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN CERTIFICATE-----\\s*([A-Za-z0-9+/=\\s]*?)-----END CERTIFICATE-----");

    private PemCertificates() {
    }

    /** Every certificate block that parses; blocks that do not are counted in {@code unparseable}. */
    public record Parsed(List<X509Certificate> certificates, int unparseable) {
        public Parsed {
            certificates = List.copyOf(certificates);
        }
    }

    public static Parsed parse(String pem) {
        List<X509Certificate> out = new ArrayList<>();
        int bad = 0;
        if (pem == null) {
            return new Parsed(out, 0);
        }
        Matcher m = BLOCK.matcher(pem);
        while (m.find()) {
            try {
                byte[] der = Base64.getMimeDecoder().decode(m.group(1));
                CertificateFactory cf = CertificateFactory.getInstance("X.509");
                out.add((X509Certificate) cf.generateCertificate(new ByteArrayInputStream(der)));
            } catch (CertificateException | IllegalArgumentException e) {
                bad++;
            }
        }
        return new Parsed(out, bad);
    }

    public static boolean sameCertificate(X509Certificate a, X509Certificate b) {
        return Arrays.equals(der(a), der(b));
    }

    public static boolean contains(List<X509Certificate> bundle, X509Certificate wanted) {
        return bundle.stream().anyMatch(c -> sameCertificate(c, wanted));
    }

    /** The first eight bytes of the SHA-256 of the DER, enough to tell certificates apart in a line. */
    public static String shortFingerprint(X509Certificate c) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(der(c));
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(d, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] der(X509Certificate c) {
        try {
            return c.getEncoded();
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
