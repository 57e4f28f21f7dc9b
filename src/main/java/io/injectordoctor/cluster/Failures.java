package io.injectordoctor.cluster;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import javax.net.ssl.SSLException;

/** One line saying why no answer came: refused, timed out, unknown host, or which part of TLS failed. */
final class Failures {
    private Failures() {
    }

    static String describe(Throwable e, ClusterConfig config) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConnectException || (t.getMessage() != null && t.getMessage().contains("Connection refused"))) {
                return "connection refused";
            }
            if (t instanceof UnknownHostException) {
                return "unknown host " + t.getMessage();
            }
            if (t instanceof SocketTimeoutException || t instanceof HttpTimeoutException) {
                return "timed out" + (config.requestTimeout().isZero() ? "" : " (--request-timeout "
                        + config.requestTimeout().toSeconds() + "s)");
            }
            if (t instanceof CertPathValidatorException || (t instanceof CertificateException
                    && t.getMessage() != null && t.getMessage().startsWith("PKIX"))) {
                return "TLS: the API server's certificate is not signed by "
                        + (config.tls().caSource() != null ? "the " + config.tls().caSource()
                        : "a certificate authority this system trusts");
            }
            if (t instanceof CertificateException && t.getMessage() != null && t.getMessage().contains("not valid for")) {
                return "TLS: " + t.getMessage() + (config.tls().serverName() != null ? " (tls-server-name)" : "");
            }
        }
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SSLException) {
                return "TLS error: " + Redact.urls(t.getMessage());
            }
        }
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null ? "" : ": " + Redact.urls(m));
    }
}
