package io.injectordoctor.serve;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;

/**
 * The HTTPS admission webhook: POST /inject takes an AdmissionReview, GET /ready answers probes.
 * Every bad request gets a 400 with its reason; nothing a client sends stops the server.
 */
public final class WebhookServer implements AutoCloseable {
    /** Kubernetes caps an object at about 1.5 MiB in etcd; an AdmissionReview adds little to that. */
    public static final int MAX_BODY = 3 * 1024 * 1024;

    private final HttpsServer server;
    private final ExecutorService executor;

    private WebhookServer(HttpsServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /** Binds and starts; port 0 picks a free port (see {@link #address()}). */
    public static WebhookServer start(InetSocketAddress bind, SSLContext tls, AdmissionHandler handler,
            Consumer<String> log) throws IOException {
        HttpsServer server = HttpsServer.create(bind, 64);
        server.setHttpsConfigurator(new HttpsConfigurator(tls) {
            @Override
            public void configure(HttpsParameters params) {
                params.setProtocols(new String[] {"TLSv1.3", "TLSv1.2"});
            }
        });
        server.createContext("/", exchange -> route(exchange, handler, log));
        ExecutorService executor = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "webhook");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.start();
        return new WebhookServer(server, executor);
    }

    public InetSocketAddress address() {
        return server.getAddress();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private static void route(HttpExchange ex, AdmissionHandler handler, Consumer<String> log) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            String method = ex.getRequestMethod();
            AdmissionHandler.Answer answer;
            if (path.equals("/ready")) {
                answer = method.equals("GET") || method.equals("HEAD")
                        ? new AdmissionHandler.Answer(200, "text/plain; charset=utf-8", "ready\n".getBytes(StandardCharsets.UTF_8), null)
                        : AdmissionHandler.Answer.badRequest("method " + method + " is not allowed on /ready; use GET");
            } else if (path.equals("/inject")) {
                answer = inject(ex, method, handler);
            } else {
                answer = new AdmissionHandler.Answer(404, "text/plain; charset=utf-8",
                        ("no such path: " + path + " (the injector serves /inject and /ready)\n")
                                .getBytes(StandardCharsets.UTF_8), "404 " + path);
            }
            if (answer.log() != null) {
                // the line quotes request fields (path, method, uid, names): escaped, it stays one line
                log.accept(io.injectordoctor.render.SafeText.line(answer.log()));
            }
            send(ex, answer);
        } catch (RuntimeException e) {
            // a bug must cost one request, not the server
            log.accept(io.injectordoctor.render.SafeText.line("500 internal error: " + e));
            send(ex, new AdmissionHandler.Answer(500, "text/plain; charset=utf-8",
                    "internal error\n".getBytes(StandardCharsets.UTF_8), null));
        }
    }

    private static AdmissionHandler.Answer inject(HttpExchange ex, String method, AdmissionHandler handler)
            throws IOException {
        if (!method.equals("POST")) {
            return AdmissionHandler.Answer.badRequest("method " + method + " is not allowed on /inject; use POST");
        }
        String type = ex.getRequestHeaders().getFirst("Content-Type");
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            return AdmissionHandler.Answer.badRequest("Content-Type must be application/json, got " + type);
        }
        // read one byte past the limit rather than trusting Content-Length; the server drains a small
        // remainder on close, so the client gets the 400 instead of a reset
        byte[] body;
        try (InputStream in = ex.getRequestBody()) {
            body = in.readNBytes(MAX_BODY + 1);
        }
        if (body.length > MAX_BODY) {
            return AdmissionHandler.Answer.badRequest("the body is larger than " + MAX_BODY + " bytes");
        }
        return handler.handle(body);
    }

    private static void send(HttpExchange ex, AdmissionHandler.Answer answer) throws IOException {
        ex.getResponseHeaders().set("Content-Type", answer.contentType());
        boolean head = ex.getRequestMethod().equals("HEAD");
        ex.sendResponseHeaders(answer.status(), head ? -1 : answer.body().length);
        if (!head) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(answer.body());
            }
        }
    }
}
