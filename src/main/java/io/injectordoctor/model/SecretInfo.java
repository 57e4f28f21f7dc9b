package io.injectordoctor.model;

import java.util.Map;

/**
 * A secret with only its certificate entries (decoded PEM text). Private keys, tokens and any
 * other entry are dropped by the loader and never reach this type.
 */
public record SecretInfo(ObjectMeta meta, String type, Map<String, String> certificates) {
    public SecretInfo {
        certificates = certificates == null ? Map.of() : Map.copyOf(certificates);
    }
}
