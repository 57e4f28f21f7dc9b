package io.injectordoctor.certs;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/** A real HTTPS server on 127.0.0.1 presenting a chain issued at test time. */
public final class TlsServer implements AutoCloseable {
    private static final char[] PASSWORD = "test".toCharArray();
    private final HttpsServer server;

    /** Serves {@code leaf} followed by {@code intermediates}. */
    public TlsServer(Pki.Issued leaf, X509Certificate... intermediates) throws IOException, GeneralSecurityException {
        X509Certificate[] chain = new X509Certificate[intermediates.length + 1];
        chain[0] = leaf.certificate();
        System.arraycopy(intermediates, 0, chain, 1, intermediates.length);
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setKeyEntry("injector", leaf.key(), PASSWORD, chain);
        KeyManagerFactory kmf = KeyManagerFactory.getInstance("SunX509");
        kmf.init(ks, PASSWORD);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), null, null);
        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(ctx));
        server.createContext("/inject", exchange -> {
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
    }

    public String host() {
        return server.getAddress().getHostString();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
