package io.injectordoctor.serve;

import io.injectordoctor.DoctorException;
import io.injectordoctor.ExitCode;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/**
 * Builds the server's TLS context from PEM files. The key is read only into the in-memory key
 * store; no message ever quotes the key file's content.
 */
public final class TlsContexts {
    private TlsContexts() {
    }

    public static SSLContext server(Path certFile, Path keyFile) {
        List<X509Certificate> chain = certificates(certFile);
        PrivateKey key = privateKey(keyFile);
        if (!belongsTo(key, chain.get(0))) {
            throw new DoctorException(ExitCode.DATA, "the key in " + keyFile
                    + " does not belong to the first certificate in " + certFile);
        }
        try {
            char[] password = new char[24];
            SecureRandom random = new SecureRandom();
            for (int i = 0; i < password.length; i++) {
                password[i] = (char) ('a' + random.nextInt(26));
            }
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry("serving", key, password, chain.toArray(Certificate[]::new));
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(ks, password);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(kmf.getKeyManagers(), null, null);
            return ctx;
        } catch (GeneralSecurityException | IOException e) {
            // the message of a key-store failure names algorithms, never key material
            throw new DoctorException(ExitCode.DATA, "the certificate in " + certFile + " and the key in " + keyFile
                    + " cannot be used together: " + e.getClass().getSimpleName(), e);
        }
    }

    /*
     * A mismatched pair would only show as a failed handshake on the API server's side; signing a
     * challenge and verifying it with the certificate's key says so at start-up instead.
     */
    static boolean belongsTo(PrivateKey key, X509Certificate cert) {
        String algorithm = switch (key.getAlgorithm()) {
            case "EC" -> "SHA256withECDSA";
            case "RSA" -> "SHA256withRSA";
            case "Ed25519", "EdDSA" -> "Ed25519";
            default -> null;
        };
        if (algorithm == null) {
            return true;
        }
        try {
            byte[] challenge = new byte[32];
            new SecureRandom().nextBytes(challenge);
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(challenge);
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(cert.getPublicKey());
            verifier.update(challenge);
            return verifier.verify(signer.sign());
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    static List<X509Certificate> certificates(Path file) {
        List<X509Certificate> out = new ArrayList<>();
        try (PEMParser p = new PEMParser(reader(file))) {
            JcaX509CertificateConverter conv = new JcaX509CertificateConverter();
            for (Object o = p.readObject(); o != null; o = p.readObject()) {
                if (o instanceof X509CertificateHolder h) {
                    out.add(conv.getCertificate(h));
                }
            }
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            throw new DoctorException(ExitCode.DATA, file + ": not a PEM certificate file", e);
        }
        if (out.isEmpty()) {
            throw new DoctorException(ExitCode.DATA, file + ": no CERTIFICATE block found");
        }
        return out;
    }

    static PrivateKey privateKey(Path file) {
        try (PEMParser p = new PEMParser(reader(file))) {
            JcaPEMKeyConverter conv = new JcaPEMKeyConverter();
            for (Object o = p.readObject(); o != null; o = p.readObject()) {
                if (o instanceof PEMKeyPair kp) {
                    // an EC key may come without its public half, so only the private part is converted
                    return conv.getPrivateKey(kp.getPrivateKeyInfo());
                } else if (o instanceof PrivateKeyInfo info) {
                    return conv.getPrivateKey(info);
                } else if (o instanceof PEMEncryptedKeyPair || o instanceof PKCS8EncryptedPrivateKeyInfo) {
                    throw new DoctorException(ExitCode.DATA, file + ": the private key is encrypted; "
                            + "give an unencrypted PEM key");
                }
            }
        } catch (DoctorException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // no cause attached: a parser message could quote part of the key
            throw new DoctorException(ExitCode.DATA, file + ": not a PEM private key file");
        }
        throw new DoctorException(ExitCode.DATA, file + ": no PRIVATE KEY block found");
    }

    private static Reader reader(Path file) throws IOException {
        try {
            return Files.newBufferedReader(file, StandardCharsets.US_ASCII);
        } catch (NoSuchFileException e) {
            throw new DoctorException(ExitCode.DATA, file + ": no such file");
        }
    }
}
