package io.injectordoctor.certs;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Completes a TLS handshake with the injector and captures the chain it serves, as the API server
 * would see it (same SNI name). The handshake accepts any chain on purpose: the point is to look at
 * the chain, and no request is ever sent over the connection. Judging it is ServedChainVerifier's job.
 */
public final class TlsProbe {
    private TlsProbe() {
    }

    /**
     * Dials {@code host:port}, sends {@code serverName} as SNI (when not null), and returns the
     * served chain or why there is none. Connect and handshake are each bounded by {@code timeout}.
     */
    public static ProbeOutcome probe(String host, int port, String serverName, Duration timeout) {
        String address = host + ":" + port;
        int millis = (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis()));
        try (Socket raw = new Socket()) {
            raw.connect(new InetSocketAddress(host, port), millis);
            raw.setSoTimeout(millis);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, new TrustManager[] {new CapturingTrustManager()}, new SecureRandom());
            try (SSLSocket tls = (SSLSocket) ctx.getSocketFactory().createSocket(raw, host, port, true)) {
                SSLParameters params = tls.getSSLParameters();
                if (serverName != null && !serverName.isEmpty()) {
                    params.setServerNames(List.of(new SNIHostName(serverName)));
                }
                params.setEndpointIdentificationAlgorithm(null);
                tls.setSSLParameters(params);
                tls.startHandshake();
                List<X509Certificate> chain = new ArrayList<>();
                for (Certificate c : tls.getSession().getPeerCertificates()) {
                    if (c instanceof X509Certificate x) {
                        chain.add(x);
                    }
                }
                return new ProbeOutcome.Served(address, chain, tls.getSession().getProtocol());
            }
        } catch (java.net.SocketTimeoutException e) {
            return new ProbeOutcome.Failed(address, "timed out after " + timeout.toMillis() + " ms");
        } catch (IOException e) {
            return new ProbeOutcome.Failed(address, describe(e));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("TLS is not available in this JVM: " + e.getMessage(), e);
        }
    }

    private static String describe(IOException e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null ? "" : ": " + m);
    }

    /** Accepts whatever the server sends; the chain is read from the session afterwards. */
    private static final class CapturingTrustManager extends X509ExtendedTrustManager {
        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("client side only");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
            throw new CertificateException("client side only");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
            throw new CertificateException("client side only");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
