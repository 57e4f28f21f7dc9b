package io.injectordoctor.cluster;

import io.injectordoctor.DoctorException;
import io.injectordoctor.ExitCode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SNIHostName;

/**
 * One HTTP exchange with the API server. Reads and POSTs go through HttpURLConnection, which
 * starts in a fraction of the time of the JDK's HTTP client and needs no thread; PATCH, which it
 * cannot send, goes through java.net.http.HttpClient, built only when a command writes. Both use
 * the same TLS (built only for an https server), proxy, headers and timeouts, and neither follows
 * a redirect: the caller reports it.
 */
final class HttpTransport implements AutoCloseable {
    static final String USER_AGENT = "injector-doctor";
    private static final Duration DEFAULT_CONNECT = Duration.ofSeconds(30);

    /** One answer; the body must be closed. */
    interface Response extends AutoCloseable {
        int code();

        String header(String name);

        InputStream body() throws IOException;

        @Override
        void close();
    }

    private final ClusterConfig config;
    private final Auth auth;
    private final String base;
    private SSLContext tls;
    /**
     * One factory for every request: the JDK keeps a connection alive for the next request only when
     * it comes with the same factory instance, and a new one per request costs a TLS handshake each.
     */
    private javax.net.ssl.SSLSocketFactory socketFactory;
    private HttpClient writer;

    HttpTransport(ClusterConfig config, Auth auth) {
        this.config = config;
        this.auth = auth;
        String s = config.server().toString();
        this.base = s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
        if (config.proxy() != null) {
            if (config.proxy().getUserInfo() != null) {
                throw new DoctorException(ExitCode.USAGE, "a proxy with a user name or password ("
                        + Redact.urls(config.proxy().toString()) + ") is not supported");
            }
            if ("https".equalsIgnoreCase(config.proxy().getScheme())) {
                throw new DoctorException(ExitCode.USAGE, "an https:// proxy (TLS to the proxy itself) is not supported: "
                        + Redact.urls(config.proxy().toString()));
            }
        }
    }

    URI uri(String path) {
        return URI.create(base + path);
    }

    Response exchange(String method, String path, String contentType, byte[] body, Duration timeout) throws IOException {
        List<String[]> headers = auth.headers();
        return method.equals("PATCH") ? viaClient(method, path, contentType, body, timeout, headers)
                : viaConnection(method, path, contentType, body, timeout, headers);
    }

    private Response viaConnection(String method, String path, String contentType, byte[] body, Duration timeout,
            List<String[]> headers) throws IOException {
        URI u = uri(path);
        HttpURLConnection c = (HttpURLConnection) (proxy() == null ? u.toURL().openConnection()
                : u.toURL().openConnection(proxy()));
        if (c instanceof HttpsURLConnection https) {
            https.setSSLSocketFactory(socketFactory());
            // The trust manager has checked the name already (tls-server-name or the host), the way kubectl does.
            https.setHostnameVerifier((host, session) -> true);
        }
        c.setInstanceFollowRedirects(false);
        c.setUseCaches(false);
        c.setConnectTimeout(millis(connectTimeout(timeout)));
        c.setReadTimeout(millis(timeout));
        c.setRequestMethod(method);
        c.setRequestProperty("Accept", "application/json");
        c.setRequestProperty("User-Agent", USER_AGENT);
        for (String[] h : headers) {
            c.addRequestProperty(h[0], h[1]);
        }
        if (body != null) {
            c.setDoOutput(true);
            c.setRequestProperty("Content-Type", contentType);
            // Streaming mode also stops the JDK from silently sending a POST a second time.
            c.setFixedLengthStreamingMode(body.length);
            try (OutputStream out = c.getOutputStream()) {
                out.write(body);
            }
        }
        int code = c.getResponseCode();
        return new Response() {
            @Override
            public int code() {
                return code;
            }

            @Override
            public String header(String name) {
                return c.getHeaderField(name);
            }

            @Override
            public InputStream body() throws IOException {
                InputStream in = code >= 400 ? c.getErrorStream() : c.getInputStream();
                return in == null ? InputStream.nullInputStream() : in;
            }

            @Override
            public void close() {
                try {
                    body().close();
                } catch (IOException ignored) {
                    // the connection is dropped instead of reused
                }
            }
        };
    }

    private Response viaClient(String method, String path, String contentType, byte[] body, Duration timeout,
            List<String[]> headers) throws IOException {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Accept", "application/json").header("User-Agent", USER_AGENT);
        if (!timeout.isZero()) {
            b.timeout(timeout);
        }
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        for (String[] h : headers) {
            b.header(h[0], h[1]);
        }
        HttpResponse<InputStream> r;
        try {
            r = writer(timeout).send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        return new Response() {
            @Override
            public int code() {
                return r.statusCode();
            }

            @Override
            public String header(String name) {
                return r.headers().firstValue(name).orElse(null);
            }

            @Override
            public InputStream body() {
                return r.body();
            }

            @Override
            public void close() {
                try {
                    r.body().close();
                } catch (IOException ignored) {
                    // nothing to reuse
                }
            }
        };
    }

    private synchronized HttpClient writer(Duration timeout) {
        if (writer == null) {
            if (config.proxy() != null && config.proxy().getScheme().startsWith("socks")) {
                throw new DoctorException(ExitCode.USAGE, "a socks5 proxy is not supported for the patch this command"
                        + " sends; use an http:// proxy");
            }
            HttpClient.Builder b = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                    .version(HttpClient.Version.HTTP_1_1).connectTimeout(connectTimeout(timeout));
            if (config.secure()) {
                b.sslContext(tls());
                if (config.tls().serverName() != null) {
                    SSLParameters p = new SSLParameters();
                    p.setServerNames(List.of(new SNIHostName(config.tls().serverName())));
                    b.sslParameters(p);
                }
            }
            if (config.proxy() != null) {
                b.proxy(ProxySelector.of(new InetSocketAddress(config.proxy().getHost(), port(config.proxy()))));
            }
            writer = b.build();
        }
        return writer;
    }

    /** The TLS context, made at the first https request: an exec plugin may have to run for its certificate. */
    private synchronized javax.net.ssl.SSLSocketFactory socketFactory() {
        if (socketFactory == null) {
            socketFactory = TlsSetup.withServerName(tls().getSocketFactory(), config.tls().serverName());
        }
        return socketFactory;
    }

    synchronized SSLContext tls() {
        if (tls == null) {
            KeyManager[] keys = auth.keyManagers();
            tls = TlsSetup.context(config.tls(), expectedName(), keys);
        }
        return tls;
    }

    String expectedName() {
        return config.tls().serverName() != null ? config.tls().serverName() : config.server().getHost();
    }

    private Proxy proxy() {
        URI p = config.proxy();
        if (p == null) {
            return null;
        }
        Proxy.Type type = p.getScheme().startsWith("socks") ? Proxy.Type.SOCKS : Proxy.Type.HTTP;
        return new Proxy(type, InetSocketAddress.createUnresolved(p.getHost(), port(p)));
    }

    private static int port(URI p) {
        return p.getPort() >= 0 ? p.getPort() : p.getScheme().startsWith("socks") ? 1080 : 80;
    }

    private static Duration connectTimeout(Duration timeout) {
        return timeout.isZero() || timeout.compareTo(DEFAULT_CONNECT) > 0 ? DEFAULT_CONNECT : timeout;
    }

    private static int millis(Duration d) {
        long ms = d.toMillis();
        return ms > Integer.MAX_VALUE ? 0 : (int) ms;
    }

    @Override
    public void close() {
        // HttpURLConnection keeps no state of ours; the JDK client's selector thread ends with HttpSelectorThreads.
        writer = null;
    }
}
