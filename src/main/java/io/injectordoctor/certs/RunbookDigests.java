package io.injectordoctor.certs;

import io.injectordoctor.report.RunbookDigest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

/** The runbook's md5 digests, each with the pipeline that reproduces it. */
public final class RunbookDigests {
    private RunbookDigests() {
    }


    /** The digest of a caBundle as stored in hook number {@code hookIndex} of a configuration. */
    public static RunbookDigest ofCaBundle(String base64Text, String configuration, int hookIndex) {
        return new RunbookDigest(md5Hex(base64Text == null ? "" : base64Text),
                "kubectl get mutatingwebhookconfiguration " + configuration
                        + " -o jsonpath='{.webhooks[" + hookIndex + "].clientConfig.caBundle}' | md5sum");
    }

    /** A secret entry: kubectl prints its data already base64-encoded, as the API server stores it. */
    public static RunbookDigest ofSecretEntry(String pem, String namespace, String secret, String key) {
        return new RunbookDigest(md5Hex(base64(pem)), "kubectl -n " + namespace + " get secret " + secret
                + " -o jsonpath='{.data." + jsonpathKey(key) + "}' | md5sum");
    }

    /** A configmap entry holds plain PEM: encode it as the caBundle is encoded before hashing. */
    public static RunbookDigest ofConfigMapEntry(String pem, String namespace, String configMap, String key) {
        return new RunbookDigest(md5Hex(base64(pem)), "kubectl -n " + namespace + " get configmap " + configMap
                + " -o jsonpath='{.data." + jsonpathKey(key) + "}' | " + ENCODE_PIPE + " | md5sum");
    }

    /** A PEM file given on the command line. */
    public static RunbookDigest ofFile(String pem, String path) {
        return new RunbookDigest(md5Hex(base64(pem)), ENCODE_PIPE + " < " + shellQuote(path) + " | md5sum");
    }

    /** Unwrapped base64, the same on GNU and BSD base64. */
    public static final String ENCODE_PIPE = "base64 | tr -d '\\n'";

    public static String md5Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is not available", e);
        }
    }

    static String base64(String pem) {
        return Base64.getEncoder().encodeToString(pem.getBytes(StandardCharsets.UTF_8));
    }

    private static String jsonpathKey(String key) {
        return key.replace(".", "\\.");
    }

    private static String shellQuote(String s) {
        return s.matches("[A-Za-z0-9_./-]+") ? s : "'" + s.replace("'", "'\\''") + "'";
    }
}
