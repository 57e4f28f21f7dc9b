package io.injectordoctor.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import io.injectordoctor.certs.Pki;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;
import javax.net.ssl.TrustManagerFactory;

/**
 * A small API server for transport tests: plain HTTP or TLS with a certificate made at test time,
 * on 127.0.0.1, answering every request with a programmed {@link Answer} and recording what it
 * received (method, path, headers, the client certificate if one was shown). Bounded: it stops
 * with the test, and its handler never waits longer than an answer asks for.
 */
public final class TlsApiServer implements AutoCloseable {
    /** One programmed answer. */
    public record Answer(int code, Map<String, String> headers, String body, Duration delay) {
        public static Answer json(int code, String body) {
            return new Answer(code, Map.of("Content-Type", "application/json"), body, Duration.ZERO);
        }

        public static Answer of(int code, String contentType, String body) {
            return new Answer(code, Map.of("Content-Type", contentType), body, Duration.ZERO);
        }

        public Answer withHeader(String name, String value) {
            Map<String, String> h = new java.util.LinkedHashMap<>(headers);
            h.put(name, value);
            return new Answer(code, h, body, delay);
        }

        public Answer after(Duration d) {
            return new Answer(code, headers, body, d);
        }
    }

    /** What one request carried. */
    public record Seen(String method, String path, Map<String, List<String>> headers, String clientCertificate, String body) {
        public String header(String name) {
            for (Map.Entry<String, List<String>> e : headers.entrySet()) {
                if (e.getKey() != null && e.getKey().equalsIgnoreCase(name)) {
                    return e.getValue().get(0);
                }
            }
            return null;
        }
    }

    private final HttpServer server;
    private final List<Seen> seen = Collections.synchronizedList(new ArrayList<>());
    private volatile Function<Seen, Answer> answers = s -> Answer.json(404, "{\"kind\":\"Status\",\"message\":\"not found\"}");

    private TlsApiServer(HttpServer server) {
        this.server = server;
        server.createContext("/", this::handle);
        server.start();
    }

    /** Plain HTTP. */
    public static TlsApiServer plain() throws IOException {
        return new TlsApiServer(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0));
    }

    /**
     * TLS with {@code serving} (issued for the names the test needs); when {@code clientCa} is not null,
     * a client certificate signed by it is requested (and recorded when shown).
     */
    public static TlsApiServer tls(Pki.Issued serving, Pki.Issued clientCa) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setKeyEntry("serving", serving.key(), new char[0], new X509Certificate[] {serving.certificate()});
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, new char[0]);
        TrustManagerFactory tmf = null;
        if (clientCa != null) {
            KeyStore ts = KeyStore.getInstance("PKCS12");
            ts.load(null, null);
            ts.setCertificateEntry("client-ca", clientCa.certificate());
            tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(ts);
        }
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), tmf == null ? null : tmf.getTrustManagers(), null);
        HttpsServer s = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        boolean wantClient = clientCa != null;
        s.setHttpsConfigurator(new HttpsConfigurator(ctx) {
            @Override
            public void configure(HttpsParameters params) {
                SSLParameters p = ctx.getDefaultSSLParameters();
                p.setWantClientAuth(wantClient);
                params.setSSLParameters(p);
            }
        });
        return new TlsApiServer(s);
    }

    /** A serving certificate for the IP address 127.0.0.1 and the given DNS names, signed by {@code root}. */
    public static Pki.Issued serving(Pki.Issued root, String... names) {
        return issue(root, names.length == 0 ? "apiserver" : names[0], true, names);
    }

    /** A serving certificate for the given DNS names only (not for 127.0.0.1). */
    public static Pki.Issued servingNamesOnly(Pki.Issued root, String... names) {
        return issue(root, names[0], false, names);
    }

    private static Pki.Issued issue(Pki.Issued root, String cn, boolean loopbackIp, String... names) {
        try {
            Instant now = Instant.now();
            java.security.KeyPairGenerator g = java.security.KeyPairGenerator.getInstance("EC");
            g.initialize(256);
            java.security.KeyPair kp = g.generateKeyPair();
            org.bouncycastle.cert.X509v3CertificateBuilder b = new org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder(
                    root.certificate(), java.math.BigInteger.valueOf(System.nanoTime()),
                    java.util.Date.from(now.minus(Duration.ofHours(1))), java.util.Date.from(now.plus(Duration.ofDays(1))),
                    new javax.security.auth.x500.X500Principal("CN=" + cn), kp.getPublic());
            List<org.bouncycastle.asn1.x509.GeneralName> sans = new ArrayList<>();
            for (String n : names) {
                sans.add(new org.bouncycastle.asn1.x509.GeneralName(org.bouncycastle.asn1.x509.GeneralName.dNSName, n));
            }
            if (loopbackIp) {
                sans.add(new org.bouncycastle.asn1.x509.GeneralName(org.bouncycastle.asn1.x509.GeneralName.iPAddress,
                        "127.0.0.1"));
            }
            b.addExtension(org.bouncycastle.asn1.x509.Extension.subjectAlternativeName, false,
                    new org.bouncycastle.asn1.x509.GeneralNames(sans.toArray(org.bouncycastle.asn1.x509.GeneralName[]::new)));
            X509Certificate cert = new org.bouncycastle.cert.jcajce.JcaX509CertificateConverter().getCertificate(
                    b.build(new org.bouncycastle.operator.jcajce.JcaContentSignerBuilder("SHA256withECDSA").build(root.key())));
            return new Pki.Issued(cert, kp.getPrivate());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A private key as PKCS#8 PEM, which the JDK reads (Pki.keyPem writes SEC1 without curve parameters). */
    public static String pkcs8(Pki.Issued i) {
        return "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(i.key().getEncoded()) + "\n-----END PRIVATE KEY-----\n";
    }

    public static Pki.Issued root(String name) {
        Instant now = Instant.now();
        return Pki.root(name, now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(1)));
    }

    /**
     * Answers by passing the request on to {@code upstream} (a mock API server), as a proxy in front of
     * it would: tests put faults and TLS in front of a cluster whose contents the mock server holds.
     */
    public static Function<Seen, Answer> forwardTo(String upstream) {
        java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .version(java.net.http.HttpClient.Version.HTTP_1_1).build();
        return s -> {
            try {
                java.net.http.HttpRequest.Builder b = java.net.http.HttpRequest.newBuilder(java.net.URI.create(upstream + s.path()))
                        .timeout(Duration.ofSeconds(10)).method(s.method(), s.body().isEmpty()
                                ? java.net.http.HttpRequest.BodyPublishers.noBody()
                                : java.net.http.HttpRequest.BodyPublishers.ofString(s.body()));
                if (s.header("Content-Type") != null) {
                    b.header("Content-Type", s.header("Content-Type"));
                }
                java.net.http.HttpResponse<String> r = client.send(b.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
                return Answer.of(r.statusCode(), r.headers().firstValue("Content-Type").orElse("application/json"), r.body());
            } catch (IOException e) {
                return Answer.json(502, "{\"kind\":\"Status\",\"message\":\"upstream: " + e + "\"}");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Answer.json(502, "{}");
            }
        };
    }

    public TlsApiServer answering(Function<Seen, Answer> a) {
        this.answers = a;
        return this;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String url() {
        return (server instanceof HttpsServer ? "https" : "http") + "://127.0.0.1:" + port();
    }

    public List<Seen> seen() {
        synchronized (seen) {
            return List.copyOf(seen);
        }
    }

    private void handle(HttpExchange ex) throws IOException {
        String cert = null;
        if (ex instanceof com.sun.net.httpserver.HttpsExchange https) {
            SSLSession session = https.getSSLSession();
            try {
                cert = ((X509Certificate) session.getPeerCertificates()[0]).getSubjectX500Principal().getName();
            } catch (javax.net.ssl.SSLPeerUnverifiedException e) {
                cert = null;
            }
        }
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Seen s = new Seen(ex.getRequestMethod(), ex.getRequestURI().toString(), Map.copyOf(ex.getRequestHeaders()), cert,
                body);
        seen.add(s);
        Answer a = answers.apply(s);
        try {
            if (!a.delay().isZero()) {
                Thread.sleep(a.delay().toMillis());
            }
            a.headers().forEach((k, v) -> ex.getResponseHeaders().add(k, v));
            byte[] out = a.body() == null ? new byte[0] : a.body().getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(a.code(), out.length == 0 ? -1 : out.length);
            if (out.length > 0) {
                try (OutputStream os = ex.getResponseBody()) {
                    os.write(out);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the client went away (a timeout under test)
        } finally {
            ex.close();
        }
    }

    public static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
