package io.injectordoctor.serve;

import io.injectordoctor.render.SafeText;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * The HTTPS admission webhook: POST /inject takes an AdmissionReview, GET /ready answers probes.
 * Every bad request gets a 4xx with its reason; nothing a client sends, or fails to send, stops the
 * server or keeps it from answering others: each connection has its own thread, their number is
 * capped, and every wait on a client has a deadline ({@link ServeLimits}).
 *
 * <p>The JDK's HttpsServer was not used: it reads requests on a fixed pool of threads with no read
 * deadline, so as many stalled clients as threads silence it.
 */
public final class WebhookServer implements AutoCloseable {
    /** Kubernetes caps an object at about 1.5 MiB in etcd; an AdmissionReview adds little to that. */
    public static final int MAX_BODY = 3 * 1024 * 1024;

    private final ServerSocket listener;
    private final SSLContext tls;
    private final AdmissionHandler handler;
    private final Consumer<String> log;
    private final ServeLimits limits;
    private final Connections connections;
    private final ExecutorService threads = Executors.newCachedThreadPool(daemon("webhook-connection"));
    private final ScheduledExecutorService deadlines = Executors.newSingleThreadScheduledExecutor(daemon("webhook-deadlines"));
    private final Thread acceptor;
    private volatile boolean closed;

    private WebhookServer(ServerSocket listener, SSLContext tls, AdmissionHandler handler, Consumer<String> log,
            ServeLimits limits) {
        this.listener = listener;
        this.tls = tls;
        this.handler = handler;
        this.log = line -> log.accept(SafeText.line(line));
        this.limits = limits;
        this.connections = new Connections(limits.maxConnections());
        this.acceptor = daemon("webhook-accept").newThread(this::acceptLoop);
    }

    /** Binds and starts with the default limits; port 0 picks a free port (see {@link #address()}). */
    public static WebhookServer start(InetSocketAddress bind, SSLContext tls, AdmissionHandler handler,
            Consumer<String> log) throws IOException {
        return start(bind, tls, handler, log, ServeLimits.defaults());
    }

    public static WebhookServer start(InetSocketAddress bind, SSLContext tls, AdmissionHandler handler,
            Consumer<String> log, ServeLimits limits) throws IOException {
        ServerSocket listener = new ServerSocket();
        listener.setReuseAddress(true);
        listener.bind(bind, 128);
        WebhookServer server = new WebhookServer(listener, tls, handler, log, limits);
        server.acceptor.start();
        return server;
    }

    public InetSocketAddress address() {
        return (InetSocketAddress) listener.getLocalSocketAddress();
    }

    /** Connections open now. */
    public int openConnections() {
        return connections.open();
    }

    /** The most connections that were open at once since the start. */
    public int mostConnectionsOpen() {
        return connections.highWater();
    }

    @Override
    public void close() {
        closed = true;
        try {
            listener.close();
        } catch (IOException ignored) {
            // closing is all that was wanted
        }
        connections.all().forEach(Connections::close);
        threads.shutdownNow();
        deadlines.shutdownNow();
    }

    private void acceptLoop() {
        while (!closed) {
            Socket raw;
            try {
                raw = listener.accept();
            } catch (IOException e) {
                if (!closed) {
                    log.accept("cannot accept a connection: " + e.getMessage());
                }
                continue;
            }
            if (!connections.admit(raw)) {
                // every connection is answering a request: the newcomer retries, as clients of a busy server do
                Connections.close(raw);
                continue;
            }
            try {
                threads.execute(() -> serve(raw));
            } catch (RuntimeException e) {
                connections.gone(raw);
                Connections.close(raw);
            }
        }
    }

    private void serve(Socket raw) {
        ScheduledFuture<?> deadline = closeAfter(raw, limits.clientTimeout().toMillis());
        try {
            raw.setTcpNoDelay(true);
            SSLSocket socket = (SSLSocket) tls.getSocketFactory().createSocket(raw, null, raw.getPort(), true);
            socket.setUseClientMode(false);
            socket.setEnabledProtocols(new String[] {"TLSv1.3", "TLSv1.2"});
            socket.startHandshake();
            deadline.cancel(false);
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = new BufferedOutputStream(socket.getOutputStream());
            boolean first = true;
            while (!closed) {
                // the first request must come within the client timeout, the next ones within the idle timeout
                deadline = closeAfter(raw, (first ? limits.clientTimeout() : limits.idleTimeout()).toMillis());
                ScheduledFuture<?>[] current = {deadline};
                HttpRequest request;
                boolean keepAlive;
                AdmissionHandler.Answer answer;
                try {
                    request = HttpRequest.read(in, MAX_BODY, () -> {
                        // the request has begun: the whole of it must arrive within the client timeout
                        current[0].cancel(false);
                        current[0] = closeAfter(raw, limits.clientTimeout().toMillis());
                    });
                    if (request == null) {
                        return;
                    }
                    connections.busy(raw);
                    keepAlive = request.keepAlive();
                    answer = route(request);
                } catch (HttpRequest.Refused r) {
                    connections.busy(raw);
                    request = null;
                    keepAlive = false;
                    answer = new AdmissionHandler.Answer(r.status, "text/plain; charset=utf-8",
                            (r.getMessage() + "\n").getBytes(StandardCharsets.UTF_8), r.status + " " + r.getMessage());
                }
                current[0].cancel(false);
                if (answer.log() != null) {
                    log.accept(answer.log());
                }
                // a client that does not take its answer loses the connection after the client timeout
                deadline = closeAfter(raw, limits.clientTimeout().toMillis());
                send(out, answer, request != null && request.method().equals("HEAD"), keepAlive);
                deadline.cancel(false);
                if (!keepAlive || !connections.waiting(raw)) {
                    return;
                }
                first = false;
            }
        } catch (IOException e) {
            // a client that went away, was too slow, or was closed for a newcomer: nothing to answer
        } finally {
            deadline.cancel(false);
            connections.gone(raw);
            Connections.close(raw);
        }
    }

    private ScheduledFuture<?> closeAfter(Socket s, long millis) {
        return deadlines.schedule(() -> Connections.close(s), millis, TimeUnit.MILLISECONDS);
    }

    private AdmissionHandler.Answer route(HttpRequest request) {
        String path = request.path();
        String method = request.method();
        try {
            if (path.equals("/ready")) {
                return method.equals("GET") || method.equals("HEAD")
                        ? new AdmissionHandler.Answer(200, "text/plain; charset=utf-8", "ready\n".getBytes(StandardCharsets.UTF_8), null)
                        : AdmissionHandler.Answer.badRequest("method " + method + " is not allowed on /ready; use GET");
            }
            if (path.equals("/inject")) {
                if (!method.equals("POST")) {
                    return AdmissionHandler.Answer.badRequest("method " + method + " is not allowed on /inject; use POST");
                }
                String type = request.header("content-type");
                if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
                    return AdmissionHandler.Answer.badRequest("Content-Type must be application/json, got " + type);
                }
                return handler.handle(request.body());
            }
            return new AdmissionHandler.Answer(404, "text/plain; charset=utf-8",
                    ("no such path: " + path + " (the injector serves /inject and /ready)\n").getBytes(StandardCharsets.UTF_8),
                    "404 " + path);
        } catch (RuntimeException e) {
            // a bug must cost one request, not the server
            return new AdmissionHandler.Answer(500, "text/plain; charset=utf-8",
                    "internal error\n".getBytes(StandardCharsets.UTF_8), "500 internal error: " + e);
        }
    }

    private static void send(OutputStream out, AdmissionHandler.Answer answer, boolean head, boolean keepAlive)
            throws IOException {
        String headers = "HTTP/1.1 " + answer.status() + " " + reason(answer.status()) + "\r\n"
                + "Content-Type: " + answer.contentType() + "\r\n"
                + "Content-Length: " + answer.body().length + "\r\n"
                + "Connection: " + (keepAlive ? "keep-alive" : "close") + "\r\n\r\n";
        out.write(headers.getBytes(StandardCharsets.US_ASCII));
        if (!head) {
            out.write(answer.body());
        }
        out.flush();
    }

    private static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 400 -> "Bad Request";
            case 404 -> "Not Found";
            case 411 -> "Length Required";
            case 431 -> "Request Header Fields Too Large";
            default -> "Internal Server Error";
        };
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
