package io.injectordoctor.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * An HTTP proxy on 127.0.0.1 that tunnels CONNECT requests (as a corporate egress proxy does for
 * https://) and records each request line. Bounded: each connection and the proxy end with the test.
 */
public final class TunnelProxy implements AutoCloseable {
    private final ServerSocket server;
    private final List<String> requests = Collections.synchronizedList(new ArrayList<>());

    public TunnelProxy() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread t = new Thread(this::accept, "tunnel-proxy");
        t.setDaemon(true);
        t.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    public List<String> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                client.setSoTimeout(30_000);
                Thread t = new Thread(() -> serve(client), "tunnel-proxy-connection");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            InputStream in = client.getInputStream();
            String line = readLine(in);
            requests.add(line);
            while (!readLine(in).isEmpty()) {
                // headers are not needed
            }
            String[] parts = line.split(" ");
            if (!parts[0].equals("CONNECT")) {
                client.getOutputStream().write("HTTP/1.1 405 Method Not Allowed\r\nContent-Length: 0\r\n\r\n"
                        .getBytes(StandardCharsets.US_ASCII));
                return;
            }
            String[] hostPort = parts[1].split(":");
            try (Socket upstream = new Socket(hostPort[0], Integer.parseInt(hostPort[1]))) {
                upstream.setSoTimeout(30_000);
                client.getOutputStream().write("HTTP/1.1 200 Connection established\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                client.getOutputStream().flush();
                Thread back = new Thread(() -> pump(upstream, client), "tunnel-proxy-back");
                back.setDaemon(true);
                back.start();
                pump(client, upstream);
                back.join(1_000);
            }
        } catch (IOException | InterruptedException e) {
            // the test's client went away
        }
    }

    private static void pump(Socket from, Socket to) {
        byte[] b = new byte[8192];
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            for (int n; (n = in.read(b)) > 0;) {
                out.write(b, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // one side closed
        } finally {
            try {
                to.shutdownOutput();
            } catch (IOException ignored) {
                // already closed
            }
        }
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int c; (c = in.read()) >= 0 && c != '\n';) {
            if (c != '\r') {
                sb.append((char) c);
            }
        }
        return sb.toString();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
