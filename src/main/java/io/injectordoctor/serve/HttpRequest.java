package io.injectordoctor.serve;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** One HTTP/1.1 request as read off a connection: its line, its headers (names in lower case), its body. */
@SuppressWarnings("ArrayRecordComponent") // never compared: the body is parsed as it is
record HttpRequest(String method, String path, String version, Map<String, String> headers, byte[] body) {
    static final int MAX_HEAD = 16 * 1024;

    /** A request the server answers with {@code status} and {@code reason} and then closes. */
    static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;
        final int status;

        Refused(int status, String reason) {
            super(reason);
            this.status = status;
        }
    }

    String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    boolean keepAlive() {
        String c = header("connection");
        if (c != null && c.toLowerCase(Locale.ROOT).contains("close")) {
            return false;
        }
        return "HTTP/1.1".equals(version) || (c != null && c.toLowerCase(Locale.ROOT).contains("keep-alive"));
    }

    /**
     * Reads one request; null when the client closed the connection before sending one.
     * {@code firstByte} is told when the request has begun (the deadline changes from idle to request).
     */
    static HttpRequest read(InputStream in, int maxBody, Runnable firstByte) throws IOException, Refused {
        int b = in.read();
        if (b < 0) {
            return null;
        }
        firstByte.run();
        StringBuilder head = new StringBuilder();
        head.append((char) b);
        while (!head.toString().endsWith("\r\n\r\n")) {
            if (head.length() > MAX_HEAD) {
                throw new Refused(431, "the request head is larger than " + MAX_HEAD + " bytes");
            }
            b = in.read();
            if (b < 0) {
                throw new IOException("the client closed the connection in the middle of a request");
            }
            head.append((char) b);
        }
        // Without the blank line that ends the head: every line left is the request line or a header.
        String[] lines = head.substring(0, head.length() - 4).split("\r\n", -1);
        String[] first = lines[0].split(" ", -1);
        if (first.length != 3 || !first[2].startsWith("HTTP/1.")) {
            throw new Refused(400, "not an HTTP/1.1 request line");
        }
        Map<String, String> headers = new HashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon <= 0) {
                throw new Refused(400, "a header line without a name");
            }
            headers.put(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).strip());
        }
        String path = first[1];
        int q = path.indexOf('?');
        HttpRequest request = new HttpRequest(first[0], q < 0 ? path : path.substring(0, q), first[2], headers, new byte[0]);
        if (request.header("transfer-encoding") != null) {
            // the API server sends its reviews with a length; a chunked body is not taken
            throw new Refused(411, "a Content-Length is required (chunked bodies are not accepted)");
        }
        String length = request.header("content-length");
        if (length == null) {
            return request;
        }
        long n;
        try {
            n = Long.parseLong(length);
        } catch (NumberFormatException e) {
            throw new Refused(400, "Content-Length is not a number");
        }
        if (n < 0) {
            throw new Refused(400, "Content-Length is negative");
        }
        if (n > maxBody) {
            // read (and drop) what a legitimate sender would send, so that it sees the answer, not a reset
            if (n <= 2L * maxBody) {
                in.skipNBytes(n);
            }
            throw new Refused(400, "the body is larger than " + maxBody + " bytes");
        }
        byte[] body = in.readNBytes((int) n);
        if (body.length < n) {
            throw new IOException("the client closed the connection in the middle of a body");
        }
        return new HttpRequest(request.method, request.path, request.version, headers, body);
    }
}
