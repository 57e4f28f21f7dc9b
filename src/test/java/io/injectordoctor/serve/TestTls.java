package io.injectordoctor.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.injectordoctor.certs.Pki;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** A test root, a serving certificate for localhost written to PEM files, and a client that trusts the root. */
public final class TestTls {
    private static final ObjectMapper JSON = new ObjectMapper();

    public final Pki.Issued root;
    public final Path certFile;
    public final Path keyFile;

    public TestTls(Path dir) throws Exception {
        Instant now = Instant.now();
        root = Pki.root("test-mesh-root", now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(1)));
        Pki.Issued serving = Pki.serving(root, "istiod", List.of("localhost", "istiod.istio-system.svc"),
                now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(1)));
        certFile = dir.resolve("tls.crt");
        keyFile = dir.resolve("tls.key");
        Files.writeString(certFile, serving.certificatePem());
        Files.writeString(keyFile, pkcs8(serving.key()));
    }

    /*
     * PKCS#8 ("PRIVATE KEY"), as openssl and cert-manager write keys. Pki.keyPem() writes SEC1 without
     * the curve parameters, which neither the JDK nor openssl can read back.
     */
    static String pkcs8(java.security.PrivateKey key) {
        return "-----BEGIN PRIVATE KEY-----\n"
                + java.util.Base64.getMimeEncoder(64, "\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                        .encodeToString(key.getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
    }

    /** A client trusting {@code trusted} only, verifying the host name as the API server does. */
    public static HttpClient client(Pki.Issued trusted) throws Exception {
        KeyStore ts = KeyStore.getInstance("PKCS12");
        ts.load(null, null);
        ts.setCertificateEntry("root", trusted.certificate());
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ts);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), null);
        return HttpClient.newBuilder().sslContext(ctx).connectTimeout(Duration.ofSeconds(10)).build();
    }

    public static HttpResponse<String> post(HttpClient c, int port, String path, String contentType, String body)
            throws Exception {
        return c.send(HttpRequest.newBuilder(URI.create("https://localhost:" + port + path))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    public static HttpResponse<String> get(HttpClient c, int port, String path) throws Exception {
        return c.send(HttpRequest.newBuilder(URI.create("https://localhost:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** An AdmissionReview v1 for creating {@code pod}, as the API server sends it. */
    public static String review(String uid, String namespace, JsonNode pod) {
        ObjectNode r = JSON.createObjectNode();
        r.put("apiVersion", "admission.k8s.io/v1");
        r.put("kind", "AdmissionReview");
        ObjectNode req = r.putObject("request");
        req.put("uid", uid);
        req.putObject("kind").put("group", "").put("version", "v1").put("kind", "Pod");
        req.putObject("resource").put("group", "").put("version", "v1").put("resource", "pods");
        req.put("namespace", namespace);
        req.put("operation", "CREATE");
        req.set("object", pod);
        return r.toString();
    }

    public static JsonNode json(String s) throws Exception {
        return JSON.readTree(s);
    }

    /** The decoded JSONPatch of an AdmissionReview answer, or null when it has none. */
    public static JsonNode patch(JsonNode answer) throws Exception {
        JsonNode p = answer.path("response").get("patch");
        return p == null ? null : JSON.readTree(java.util.Base64.getDecoder().decode(p.asText()));
    }
}
