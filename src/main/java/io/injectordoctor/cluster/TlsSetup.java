package io.injectordoctor.cluster;

import io.injectordoctor.DoctorException;
import io.injectordoctor.ExitCode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * TLS to the API server as kubectl does it (client-go transport/transport.go TLSConfigFor): the
 * kubeconfig's certificate authorities alone when it names some (never the JVM's trust store as
 * well), the system's otherwise; the certificate must be valid for tls-server-name when set, else
 * for the URL's host; insecure-skip-tls-verify checks nothing. Host names are checked here, the
 * way Go's crypto/x509 does (subject alternative names only, a wildcard for one leftmost label).
 */
final class TlsSetup {
    private TlsSetup() {
    }

    /** The trust manager and (optional) key managers for one server. */
    static SSLContext context(ClusterConfig.Tls tls, String expectedName, KeyManager[] keys) {
        try {
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(keys, new TrustManager[] {trustManager(tls, expectedName)}, null);
            return ctx;
        } catch (GeneralSecurityException e) {
            throw new DoctorException(ExitCode.INTERNAL, "cannot set up TLS: " + e.getMessage(), e);
        }
    }

    static X509ExtendedTrustManager trustManager(ClusterConfig.Tls tls, String expectedName) {
        if (tls.insecure()) {
            return new Checked(null, null);
        }
        try {
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            if (tls.caPem() == null) {
                tmf.init((KeyStore) null);
            } else {
                KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
                ks.load(null, null);
                int i = 0;
                for (X509Certificate c : Pem.certificates(tls.caPem())) {
                    ks.setCertificateEntry("ca-" + i++, c);
                }
                tmf.init(ks);
            }
            for (TrustManager tm : tmf.getTrustManagers()) {
                if (tm instanceof X509TrustManager x) {
                    return new Checked(x, expectedName);
                }
            }
            throw new DoctorException(ExitCode.INTERNAL, "no X.509 trust manager in this JVM");
        } catch (GeneralSecurityException | IOException e) {
            throw new DoctorException(ExitCode.INTERNAL, "cannot set up TLS: " + e.getMessage(), e);
        } catch (Pem.Invalid e) {
            throw new DoctorException(ExitCode.DATA, tls.caSource() + " holds " + e.getMessage());
        }
    }

    static KeyManager[] keyManagers(String certificatePem, String keyPem, String source) {
        try {
            List<X509Certificate> chain = Pem.certificates(certificatePem);
            PrivateKey key = Pem.privateKey(keyPem);
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            char[] pass = new char[0];
            ks.setKeyEntry("client", key, pass, chain.toArray(new X509Certificate[0]));
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(ks, pass);
            return kmf.getKeyManagers();
        } catch (Pem.Invalid e) {
            throw new DoctorException(ExitCode.DATA, source + " holds " + e.getMessage());
        } catch (GeneralSecurityException | IOException e) {
            // The exception's text may describe the key; the class says enough.
            throw new DoctorException(ExitCode.DATA, source + ": the client certificate and key do not go together ("
                    + e.getClass().getSimpleName() + ")");
        }
    }

    /** Sends tls-server-name as the SNI name: the JDK names the server after the host it is given. */
    static SSLSocketFactory withServerName(SSLSocketFactory f, String serverName) {
        if (serverName == null) {
            return f;
        }
        return new SSLSocketFactory() {
            @Override
            public String[] getDefaultCipherSuites() {
                return f.getDefaultCipherSuites();
            }

            @Override
            public String[] getSupportedCipherSuites() {
                return f.getSupportedCipherSuites();
            }

            @Override
            public Socket createSocket(Socket s, String host, int port, boolean autoClose) throws IOException {
                return f.createSocket(s, serverName, port, autoClose);
            }

            @Override
            public Socket createSocket() throws IOException {
                return f.createSocket();
            }

            @Override
            public Socket createSocket(String host, int port) throws IOException {
                return f.createSocket(host, port);
            }

            @Override
            public Socket createSocket(String host, int port, InetAddress local, int localPort) throws IOException {
                return f.createSocket(host, port, local, localPort);
            }

            @Override
            public Socket createSocket(InetAddress host, int port) throws IOException {
                return f.createSocket(host, port);
            }

            @Override
            public Socket createSocket(InetAddress address, int port, InetAddress local, int localPort) throws IOException {
                return f.createSocket(address, port, local, localPort);
            }
        };
    }

    /** True when the certificate names this host: an IP among its IP addresses, a name among its DNS names. */
    static boolean matches(X509Certificate cert, String host) {
        Collection<List<?>> sans;
        try {
            sans = cert.getSubjectAlternativeNames();
        } catch (CertificateParsingException e) {
            return false;
        }
        if (sans == null) {
            return false;
        }
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        InetAddress ip = ProxyChoice.literal(h);
        for (List<?> san : sans) {
            int type = (Integer) san.get(0);
            String value = String.valueOf(san.get(1));
            if (ip != null && type == 7) {
                InetAddress other = ProxyChoice.literal(value);
                if (ip.equals(other)) {
                    return true;
                }
            } else if (ip == null && type == 2 && dnsMatch(value, h)) {
                return true;
            }
        }
        return false;
    }

    static boolean dnsMatch(String pattern, String host) {
        String p = pattern.toLowerCase(Locale.ROOT);
        String n = host.toLowerCase(Locale.ROOT);
        if (n.endsWith(".")) {
            n = n.substring(0, n.length() - 1);
        }
        if (p.endsWith(".")) {
            p = p.substring(0, p.length() - 1);
        }
        if (!p.startsWith("*.")) {
            return p.equals(n);
        }
        int dot = n.indexOf('.');
        return dot > 0 && n.substring(dot).equals(p.substring(1));
    }

    /**
     * Chain validation by the JDK's PKIX trust manager (against the configured authorities), then
     * the host name check above; with a null delegate (insecure) nothing is checked.
     */
    private static final class Checked extends X509ExtendedTrustManager {
        private final X509TrustManager delegate;
        private final String expectedName;

        Checked(X509TrustManager delegate, String expectedName) {
            this.delegate = delegate;
            this.expectedName = expectedName;
        }

        private void check(X509Certificate[] chain, String authType) throws CertificateException {
            if (delegate == null) {
                return;
            }
            delegate.checkServerTrusted(chain, authType);
            if (!matches(chain[0], expectedName)) {
                throw new CertificateException("the server's certificate is not valid for " + expectedName);
            }
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
            check(chain, authType);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
            check(chain, authType);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            check(chain, authType);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
            throw new CertificateException("not a server");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
            throw new CertificateException("not a server");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("not a server");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return delegate == null ? new X509Certificate[0] : delegate.getAcceptedIssuers();
        }
    }
}
