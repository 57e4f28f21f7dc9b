package io.injectordoctor.bench;

import io.injectordoctor.certs.Pki;
import io.injectordoctor.testing.TlsApiServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;

/**
 * TLS in front of the bench API server, as a real cluster has it: a serving certificate for 127.0.0.1
 * signed by a root made at start, every connection's bytes relayed to the plain-HTTP port. Clients
 * (the tool, kubectl) pay the handshake and the encryption; the server behind is the same.
 */
final class TlsFront implements AutoCloseable {
    private final ServerSocket listener;
    private final Pki.Issued root;
    private final Thread acceptor;

    private TlsFront(ServerSocket listener, Pki.Issued root, int backendPort) {
        this.listener = listener;
        this.root = root;
        this.acceptor = new Thread(() -> accept(backendPort), "tls-front");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    static TlsFront start(int backendPort) throws Exception {
        Instant now = Instant.now();
        Pki.Issued root = Pki.root("bench-root", now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(1)));
        Pki.Issued serving = TlsApiServer.serving(root, "localhost");
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setKeyEntry("serving", serving.key(), new char[0], new X509Certificate[] {serving.certificate()});
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, new char[0]);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), null, null);
        SSLServerSocket s = (SSLServerSocket) ctx.getServerSocketFactory()
                .createServerSocket(0, 64, InetAddress.getByName("127.0.0.1"));
        return new TlsFront(s, root, backendPort);
    }

    int port() {
        return listener.getLocalPort();
    }

    /** The root the kubeconfig trusts, as PEM. */
    String caPem() {
        return root.certificatePem();
    }

    private void accept(int backendPort) {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket backend = new Socket(InetAddress.getByName("127.0.0.1"), backendPort);
                relay(client, backend);
                relay(backend, client);
            } catch (IOException e) {
                if (listener.isClosed()) {
                    return;
                }
            }
        }
    }

    private static void relay(Socket from, Socket to) {
        Thread t = new Thread(() -> {
            byte[] buf = new byte[64 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                for (int n; (n = in.read(buf)) >= 0; ) {
                    out.write(buf, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // the other side closed: the pair ends below
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, "tls-relay");
        t.setDaemon(true);
        t.start();
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }
}
