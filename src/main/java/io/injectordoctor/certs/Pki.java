package io.injectordoctor.certs;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Issues certificates at run time: the demo cluster's mesh root and injector serving certificate,
 * and the certificates tests need. Nothing here is ever committed, so nothing expires in the repo.
 */
public final class Pki {
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A certificate with the key that signs for it. The key never leaves the process. */
    public record Issued(X509Certificate certificate, PrivateKey key) {
        public String certificatePem() {
            return pem(certificate);
        }

        /** PKCS#8 PEM ("PRIVATE KEY"), which the JDK, Go and openssl all read back. */
        public String keyPem() {
            String b64 = java.util.Base64.getMimeEncoder(64, "\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                    .encodeToString(key.getEncoded());
            return "-----BEGIN PRIVATE KEY-----\n" + b64 + "\n-----END PRIVATE KEY-----\n";
        }
    }

    private Pki() {
    }

    /** A self-signed CA certificate. */
    public static Issued root(String commonName, Instant notBefore, Instant notAfter) {
        KeyPair kp = keyPair();
        return issue(new X500Name("CN=" + commonName + ",O=cluster.local"), kp, null, kp.getPrivate(),
                notBefore, notAfter, true, List.of());
    }

    /** An intermediate CA certificate signed by {@code issuer}, as a plugged-in CA chain has. */
    public static Issued intermediate(Issued issuer, String commonName, Instant notBefore, Instant notAfter) {
        return issue(new X500Name("CN=" + commonName + ",O=cluster.local"), keyPair(), issuer.certificate(),
                issuer.key(), notBefore, notAfter, true, List.of());
    }

    /** A serving certificate for the given DNS names, signed by {@code issuer}. */
    public static Issued serving(Issued issuer, String commonName, List<String> dnsNames,
            Instant notBefore, Instant notAfter) {
        return issue(new X500Name("CN=" + commonName), keyPair(), issuer.certificate(), issuer.key(),
                notBefore, notAfter, false, dnsNames);
    }

    public static String pem(Object object) {
        StringWriter sw = new StringWriter();
        try (JcaPEMWriter w = new JcaPEMWriter(sw)) {
            w.writeObject(object);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sw.toString();
    }

    private static KeyPair keyPair() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(256, RANDOM);
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Issued issue(X500Name subject, KeyPair subjectKeys, X509Certificate issuerCert,
            PrivateKey issuerKey, Instant notBefore, Instant notAfter, boolean ca, List<String> dnsNames) {
        try {
            X500Name issuer = issuerCert == null ? subject
                    : X500Name.getInstance(issuerCert.getSubjectX500Principal().getEncoded());
            X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(issuer,
                    new BigInteger(64, RANDOM).abs().add(BigInteger.ONE), Date.from(notBefore), Date.from(notAfter),
                    subject, subjectKeys.getPublic());
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
            b.addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(subjectKeys.getPublic()));
            if (issuerCert != null) {
                b.addExtension(Extension.authorityKeyIdentifier, false, ext.createAuthorityKeyIdentifier(issuerCert));
            }
            b.addExtension(Extension.keyUsage, true, ca
                    ? new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign | KeyUsage.digitalSignature)
                    : new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
            if (!dnsNames.isEmpty()) {
                List<GeneralName> names = new ArrayList<>();
                for (String n : dnsNames) {
                    names.add(new GeneralName(GeneralName.dNSName, n));
                }
                b.addExtension(Extension.subjectAlternativeName, false,
                        new GeneralNames(names.toArray(GeneralName[]::new)));
            }
            ContentSigner signer = new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKey);
            X509Certificate cert = new JcaX509CertificateConverter().getCertificate(b.build(signer));
            return new Issued(cert, subjectKeys.getPrivate());
        } catch (GeneralSecurityException | IOException | OperatorCreationException e) {
            throw new IllegalStateException("cannot issue certificate: " + e.getMessage(), e);
        }
    }
}
