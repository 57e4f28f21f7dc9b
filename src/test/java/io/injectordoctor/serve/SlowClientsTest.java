package io.injectordoctor.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.injectordoctor.mesh.RuleSet;
import io.injectordoctor.mutation.InjectionSettings;
import io.injectordoctor.mutation.Injector;
import io.injectordoctor.mutation.ReferenceGate;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stalled and slow clients over real TLS connections against a server started here: they hold at
 * most the connection cap, give their places to newcomers, and are closed at their deadline, while
 * /ready and /inject keep answering. Bounded in time: every client socket has a read timeout and
 * every test a hard limit.
 */
class SlowClientsTest {
    private static final int MAX = 6;
    private static final ServeLimits LIMITS = new ServeLimits(MAX, Duration.ofMillis(1500), Duration.ofSeconds(3));

    @TempDir
    Path dir;
    TestTls tls;
    WebhookServer server;
    int port;
    final List<Socket> clients = new ArrayList<>();
    final List<String> log = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        tls = new TestTls(dir);
        server = WebhookServer.start(new InetSocketAddress(InetAddress.getByName("localhost"), 0),
                TlsContexts.server(tls.certFile, tls.keyFile),
                new AdmissionHandler(new Injector(ReferenceGate.kubeInject(RuleSet.ISTIO_1_27_PLUS),
                        InjectionSettings.defaults())), log::add, LIMITS);
        port = server.address().getPort();
    }

    @AfterEach
    void stop() throws Exception {
        for (Socket s : clients) {
            s.close();
        }
        server.close();
    }

    /** Connects and sends nothing, not even a TLS hello. */
    private Socket silent() throws Exception {
        Socket s = new Socket("localhost", port);
        s.setSoTimeout(10_000);
        clients.add(s);
        return s;
    }

    /** Completes the TLS handshake, then sends part of a request head and stops. */
    private SSLSocket stalledAfterHandshake(String partial) throws Exception {
        SSLSocket s = (SSLSocket) trusting().getSocketFactory().createSocket("localhost", port);
        s.setSoTimeout(10_000);
        clients.add(s);
        s.startHandshake();
        s.getOutputStream().write(partial.getBytes(StandardCharsets.US_ASCII));
        s.getOutputStream().flush();
        return s;
    }

    private SSLContext trusting() throws Exception {
        KeyStore ts = KeyStore.getInstance("PKCS12");
        ts.load(null, null);
        ts.setCertificateEntry("root", tls.root.certificate());
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ts);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), null);
        return ctx;
    }

    private int ready() throws Exception {
        // a fresh client each time: a new connection, as the kubelet's probes make
        HttpClient c = TestTls.client(tls.root);
        return TestTls.get(c, port, "/ready").statusCode();
    }

    @Test
    void stalledConnectionsDoNotKeepReadyFromAnswering() {
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            for (int i = 0; i < 3 * MAX; i++) {
                silent();
            }
            for (int i = 0; i < MAX; i++) {
                stalledAfterHandshake("GET /ready HTTP/1.1\r\nHost: local");
            }
            for (int i = 0; i < 5; i++) {
                assertThat(ready()).isEqualTo(200);
            }
            String review = TestTls.review("uid-1", "shop", io.injectordoctor.mutation.Fixtures.object("pod.yaml"));
            assertThat(TestTls.post(TestTls.client(tls.root), port, "/inject", "application/json", review).statusCode())
                    .isEqualTo(200);
            assertThat(server.mostConnectionsOpen()).isLessThanOrEqualTo(MAX);
        });
    }

    @Test
    void aClientSendingItsHeadersSlowlyIsClosedAtTheDeadline() {
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            SSLSocket slow = stalledAfterHandshake("G");
            OutputStream out = slow.getOutputStream();
            InputStream in = slow.getInputStream();
            long start = System.nanoTime();
            boolean closed = false;
            // one byte every 200 ms: each arrives well within a read timeout, the whole never within the deadline
            for (char c : "ET /ready HTTP/1.1\r\nHost: localhost\r\nX-Slow: ".concat("y".repeat(200)).toCharArray()) {
                try {
                    out.write(c);
                    out.flush();
                } catch (java.io.IOException e) {
                    closed = true;
                    break;
                }
                Thread.sleep(200);
                if (System.nanoTime() - start > Duration.ofSeconds(20).toNanos()) {
                    break;
                }
            }
            if (!closed) {
                try {
                    closed = in.read() < 0;
                } catch (java.io.IOException e) {
                    closed = true;
                }
            }
            assertThat(closed).as("the server closed the slow connection").isTrue();
            assertThat(ready()).isEqualTo(200);
        });
    }

    @Test
    void aSilentConnectionIsClosedAfterTheHandshakeDeadline() {
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            Socket s = silent();
            // read returns -1 (or fails) once the server gives up on the handshake; the socket's own
            // timeout of 10 s would fail the test first if it never did
            int r;
            try {
                r = s.getInputStream().read();
            } catch (java.net.SocketException e) {
                r = -1;
            }
            assertThat(r).isEqualTo(-1);
            assertThat(server.openConnections()).isLessThanOrEqualTo(1);
        });
    }

    @Test
    void keptAliveConnectionsServeSeveralRequestsAndNeverExceedTheCap() {
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            HttpClient c = TestTls.client(tls.root);
            for (int i = 0; i < 20; i++) {
                assertThat(TestTls.get(c, port, "/ready").statusCode()).isEqualTo(200);
            }
            for (int i = 0; i < 2 * MAX; i++) {
                silent();
            }
            assertThat(ready()).isEqualTo(200);
            assertThat(server.mostConnectionsOpen()).isLessThanOrEqualTo(MAX);
        });
    }

    @Test
    void forgedLogLinesAreEscaped() {
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            SSLSocket s = stalledAfterHandshake("GET /a\u001b[2J\rforged\n400_all_is_well HTTP/1.1\r\nHost: x\r\n\r\n");
            String answer = new String(s.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
            assertThat(answer).isEqualTo("HTTP/1.1 404");
            assertThat(log).anyMatch(l -> l.startsWith("404 /a\\x1b[2J\\rforged\\n400_all_is_well"));
            assertThat(log).allMatch(l -> l.chars().noneMatch(ch -> ch < 0x20));
        });
    }
}
