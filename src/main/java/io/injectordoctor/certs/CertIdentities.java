package io.injectordoctor.certs;

import io.injectordoctor.report.CertIdentity;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;

/** Reads what a certificate really is into a {@link CertIdentity}. */
public final class CertIdentities {
    private CertIdentities() {
    }

    public static CertIdentity of(X509Certificate c) {
        String subject = name(c.getSubjectX500Principal());
        String issuer = name(c.getIssuerX500Principal());
        String ski = keyId(c, Extension.subjectKeyIdentifier.getId(), false);
        String aki = keyId(c, Extension.authorityKeyIdentifier.getId(), true);
        boolean selfSigned = c.getSubjectX500Principal().equals(c.getIssuerX500Principal())
                && (aki == null || ski == null || aki.equals(ski));
        return new CertIdentity(fingerprint(c), subject, issuer, c.getSerialNumber().toString(16).toUpperCase(Locale.ROOT),
                ski, aki, c.getNotBefore().toInstant(), c.getNotAfter().toInstant(), c.getBasicConstraints() >= 0,
                selfSigned, dnsNames(c));
    }

    /** Upper-case, colon-separated SHA-256 of the DER encoding. */
    public static String fingerprint(X509Certificate c) {
        try {
            return colonHex(MessageDigest.getInstance("SHA-256").digest(c.getEncoded()));
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException("cannot fingerprint certificate: " + e.getMessage(), e);
        }
    }

    /** The name in certificate order ("CN=istiod,O=cluster.local"), as openssl prints it. */
    static String name(X500Principal p) {
        return X500Name.getInstance(p.getEncoded()).toString();
    }

    static String colonHex(byte[] bytes) {
        return HexFormat.ofDelimiter(":").withUpperCase().formatHex(bytes);
    }

    private static String keyId(X509Certificate c, String oid, boolean authority) {
        byte[] ext = c.getExtensionValue(oid);
        if (ext == null) {
            return null;
        }
        try {
            var value = JcaX509ExtensionUtils.parseExtensionValue(ext);
            byte[] id = authority ? AuthorityKeyIdentifier.getInstance(value).getKeyIdentifierObject() == null
                    ? null : AuthorityKeyIdentifier.getInstance(value).getKeyIdentifierObject().getOctets()
                    : ASN1OctetString.getInstance(value).getOctets();
            return id == null ? null : colonHex(id);
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
    }

    private static List<String> dnsNames(X509Certificate c) {
        List<String> names = new ArrayList<>();
        try {
            Collection<List<?>> sans = c.getSubjectAlternativeNames();
            if (sans != null) {
                for (List<?> san : sans) {
                    int type = (Integer) san.get(0);
                    if (type == 2) {
                        names.add(String.valueOf(san.get(1)));
                    }
                }
            }
        } catch (CertificateParsingException e) {
            // An unparseable SAN extension is reported as "no names"; the name check then fails visibly.
        }
        return names;
    }
}
