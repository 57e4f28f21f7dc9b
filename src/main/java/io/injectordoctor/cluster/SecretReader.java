package io.injectordoctor.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import io.injectordoctor.model.ObjectMeta;
import io.injectordoctor.model.SecretInfo;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Keeps only the certificate entries of a secret. Anything that is or may be a key or a token is
 * dropped here, before it reaches the model, a report, a log or a snapshot file.
 */
public final class SecretReader {
    private static final String CERT_BEGIN = "-----BEGIN CERTIFICATE-----";

    private SecretReader() {
    }

    public static SecretInfo read(JsonNode secret) {
        Map<String, String> certs = new LinkedHashMap<>();
        JsonNode data = Json.at(secret, "data");
        if (data != null && data.isObject()) {
            for (Map.Entry<String, JsonNode> e : data.properties()) {
                if (!mayHoldCertificate(e.getKey())) {
                    continue;
                }
                String decoded = decode(e.getValue().asText());
                if (decoded != null && isCertificateOnly(decoded)) {
                    certs.put(e.getKey(), decoded);
                }
            }
        }
        ObjectMeta full = ObjectConverter.meta(secret);
        // Annotations of secrets can carry tokens (kubectl last-applied-configuration holds the data).
        ObjectMeta meta = new ObjectMeta(full.namespace(), full.name(), full.labels(), Map.of(), full.uid(),
                full.creationTimestamp(), full.owners(), full.generation());
        return new SecretInfo(meta, Json.text(secret, "type"), certs);
    }

    static boolean mayHoldCertificate(String key) {
        String k = key.toLowerCase(Locale.ROOT);
        return !k.contains("key") && !k.contains("token") && !k.contains("password");
    }

    static boolean isCertificateOnly(String text) {
        return text.contains(CERT_BEGIN) && !text.contains("PRIVATE KEY") && !text.contains("-----BEGIN EC")
                && !text.contains("-----BEGIN RSA");
    }

    private static String decode(String b64) {
        try {
            return new String(Base64.getMimeDecoder().decode(b64), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
