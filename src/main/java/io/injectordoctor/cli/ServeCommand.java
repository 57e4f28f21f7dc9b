package io.injectordoctor.cli;

import io.injectordoctor.DoctorException;
import io.injectordoctor.ExitCode;
import io.injectordoctor.app.InjectService;
import io.injectordoctor.serve.ServeLimits;
import io.injectordoctor.serve.TlsContexts;
import io.injectordoctor.serve.WebhookServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "serve", sortOptions = false, mixinStandardHelpOptions = true,
        description = {
            "Run the reference injector as an HTTPS admission webhook: POST /inject takes an AdmissionReview",
            "(admission.k8s.io/v1) and answers allowed, with a base64 JSONPatch when the pod is injected;",
            "GET /ready answers probes. The decision is the webhook's: the injector configmap's policy and",
            "selectors when a cluster is named (--snapshot, --demo, --kubeconfig, --context), policy enabled",
            "otherwise. One line per review is printed; the key file is never printed. Stops on Ctrl-C."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  injector-doctor serve --tls-cert tls.crt --tls-key tls.key",
            "  injector-doctor serve --tls-cert tls.crt --tls-key tls.key --port 8443 --snapshot dump.yaml",
            "  curl --cacert ca.crt -H 'Content-Type: application/json' --data @review.json \\",
            "       https://localhost:15017/inject"
        })
public final class ServeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    GlobalOptions global;

    @Option(names = "--tls-cert", required = true, paramLabel = "FILE",
            description = "PEM serving certificate (chain) the API server verifies against the webhook's caBundle.")
    Path tlsCert;

    @Option(names = "--tls-key", required = true, paramLabel = "FILE", description = "PEM private key of the certificate.")
    Path tlsKey;

    @Option(names = "--port", defaultValue = "15017", paramLabel = "PORT",
            description = "Port to listen on (default: ${DEFAULT-VALUE}, istiod's webhook port; 0 picks a free one).")
    int port;

    @Option(names = "--address", defaultValue = "127.0.0.1", paramLabel = "ADDR",
            description = "Address to listen on (default: ${DEFAULT-VALUE}; 0.0.0.0 for every interface).")
    String address;

    @Option(names = "--max-connections", defaultValue = "64", paramLabel = "N",
            description = "Open connections at most (default: ${DEFAULT-VALUE}); at the cap, the one waiting longest "
                    + "on a slow or stalled client gives its place to the newcomer.")
    int maxConnections;

    @Option(names = "--client-timeout", defaultValue = "10", paramLabel = "SECONDS",
            description = "Time a client has for its TLS handshake, for each whole request and to take each answer "
                    + "(default: ${DEFAULT-VALUE}); a kept-alive connection waits 90 s for its next request.")
    int clientTimeoutSeconds;

    @Mixin
    InjectCommand.InjectionOptions injection;

    private final CountDownLatch stop;
    private final Consumer<WebhookServer> onStarted;

    /** Serves until the process is interrupted. */
    public ServeCommand() {
        this(new CountDownLatch(1), s -> { });
    }

    /** For tests and embedding: a stop signal, a start hook. */
    public ServeCommand(CountDownLatch stop, Consumer<WebhookServer> onStarted) {
        this.stop = stop;
        this.onStarted = onStarted;
    }

    @Override
    public Integer call() throws InterruptedException {
        if (port < 0 || port > 65535) {
            throw new DoctorException(ExitCode.USAGE, "--port must be between 0 and 65535, got " + port);
        }
        if (maxConnections < 1) {
            throw new DoctorException(ExitCode.USAGE, "--max-connections must be at least 1, got " + maxConnections);
        }
        if (clientTimeoutSeconds < 1) {
            throw new DoctorException(ExitCode.USAGE, "--client-timeout must be at least 1 second, got " + clientTimeoutSeconds);
        }
        ServeLimits limits = new ServeLimits(maxConnections, java.time.Duration.ofSeconds(clientTimeoutSeconds),
                java.time.Duration.ofSeconds(90));
        InjectService service = injection.service(global, spec);
        SSLContext tls = TlsContexts.server(tlsCert, tlsKey);
        PrintWriter out = spec.commandLine().getOut();
        InetSocketAddress bind = new InetSocketAddress(address, port);
        if (bind.isUnresolved()) {
            throw new DoctorException(ExitCode.USAGE, "--address " + address + " does not resolve");
        }
        WebhookServer server;
        try {
            server = WebhookServer.start(bind, tls, service.admissionHandler(), line -> {
                out.println(line);
                out.flush();
            }, limits);
        } catch (IOException e) {
            throw new DoctorException(ExitCode.UNAVAILABLE, "cannot listen on " + address + ":" + port + ": "
                    + e.getMessage(), e);
        }
        Thread hook = new Thread(stop::countDown, "serve-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try (server) {
            InetSocketAddress at = server.address();
            out.println("serving the reference injector on https://" + address + ":" + at.getPort()
                    + "/inject (probe: /ready); images " + service.image()
                    + ", revision " + service.revision());
            out.flush();
            onStarted.accept(server);
            stop.await();
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is what stopped us
            }
        }
        return ExitCode.OK;
    }
}
