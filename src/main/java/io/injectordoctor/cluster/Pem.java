package io.injectordoctor.cluster;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Certificates and private keys from PEM, for TLS to the API server. Errors say what is wrong
 * with the text, never what the text is: a key must not reach a message.
 */
final class Pem {
    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----\\s*([A-Za-z0-9+/=\\s]*?)\\s*-----END \\1-----");

    private Pem() {
    }

    /** Why a PEM text is unusable; the message names the problem, not the content. */
    static final class Invalid extends Exception {
        private static final long serialVersionUID = 1L;

        Invalid(String message) {
            super(message, null, false, false);
        }
    }

    /** Every CERTIFICATE block; at least one, and each must parse. */
    static List<X509Certificate> certificates(String pem) throws Invalid {
        List<X509Certificate> out = new ArrayList<>();
        Matcher m = BLOCK.matcher(pem);
        CertificateFactory cf;
        try {
            cf = CertificateFactory.getInstance("X.509");
        } catch (CertificateException e) {
            throw new IllegalStateException(e);
        }
        while (m.find()) {
            if (!m.group(1).equals("CERTIFICATE")) {
                continue;
            }
            byte[] der = decode(m.group(2));
            try {
                out.add((X509Certificate) cf.generateCertificate(new ByteArrayInputStream(der)));
            } catch (CertificateException e) {
                throw new Invalid("a CERTIFICATE block that does not parse as an X.509 certificate");
            }
        }
        if (out.isEmpty()) {
            throw new Invalid("no PEM certificate ('-----BEGIN CERTIFICATE-----' block)");
        }
        return out;
    }

    /** The first private key block: PKCS#8, PKCS#1 RSA or SEC1 EC. */
    static PrivateKey privateKey(String pem) throws Invalid {
        Matcher m = BLOCK.matcher(pem);
        while (m.find()) {
            String type = m.group(1);
            if (type.equals("PRIVATE KEY")) {
                byte[] der = decode(m.group(2));
                for (String alg : List.of("RSA", "EC", "Ed25519")) {
                    try {
                        return KeyFactory.getInstance(alg).generatePrivate(new PKCS8EncodedKeySpec(der));
                    } catch (GeneralSecurityException | RuntimeException e) {
                        // try the next algorithm
                    }
                }
                throw new Invalid("a PRIVATE KEY block that is not an RSA, EC or Ed25519 key");
            }
            if (type.equals("RSA PRIVATE KEY") || type.equals("EC PRIVATE KEY")) {
                return Legacy.read(m.group(0), type);
            }
            if (type.equals("ENCRYPTED PRIVATE KEY") || m.group(0).contains("Proc-Type: 4,ENCRYPTED")) {
                throw new Invalid("an encrypted private key (kubectl cannot use one either)");
            }
        }
        throw new Invalid("no PEM private key ('-----BEGIN ... PRIVATE KEY-----' block)");
    }

    private static byte[] decode(String body) throws Invalid {
        try {
            return Base64.getMimeDecoder().decode(body);
        } catch (IllegalArgumentException e) {
            throw new Invalid("a PEM block whose body is not base64");
        }
    }

    /** PKCS#1 and SEC1 keys need BouncyCastle; it is loaded only for them. */
    private static final class Legacy {
        static PrivateKey read(String block, String type) throws Invalid {
            try (org.bouncycastle.openssl.PEMParser p = new org.bouncycastle.openssl.PEMParser(new StringReader(block))) {
                Object o = p.readObject();
                org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter conv = new org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter();
                // The private key alone: SEC1 keys often carry no public key, which a key pair would need.
                if (o instanceof org.bouncycastle.openssl.PEMKeyPair kp) {
                    return conv.getPrivateKey(kp.getPrivateKeyInfo());
                }
                if (o instanceof org.bouncycastle.asn1.pkcs.PrivateKeyInfo info) {
                    return conv.getPrivateKey(info);
                }
            } catch (IOException | RuntimeException e) {
                // reported below, without the exception's text
            }
            throw new Invalid("a " + type + " block that does not parse");
        }
    }
}
