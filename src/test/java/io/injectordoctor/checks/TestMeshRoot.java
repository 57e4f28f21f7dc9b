package io.injectordoctor.checks;

import io.injectordoctor.certs.Pki;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * The mesh root of the check fixtures, issued when the tests run so that nothing committed
 * expires. Fixture files name it with placeholders: ${TEST_CA_BUNDLE} (base64 of the PEM, as a
 * caBundle holds it) and ${TEST_ROOT_PEM} (the PEM, as a quoted YAML string).
 */
public final class TestMeshRoot {
    public static final Pki.Issued ROOT = Pki.root("cluster.local test root", Instant.now().minus(Duration.ofDays(1)),
            Instant.now().plus(Duration.ofDays(365)));
    public static final Pki.Issued OTHER = Pki.root("unrelated root", Instant.now().minus(Duration.ofDays(1)),
            Instant.now().plus(Duration.ofDays(365)));

    private TestMeshRoot() {
    }

    public static String caBundle(Pki.Issued root) {
        return Base64.getEncoder().encodeToString(root.certificatePem().getBytes(StandardCharsets.US_ASCII));
    }

    public static String fill(String text) {
        String pem = ROOT.certificatePem().replace("\r", "").replace("\n", "\\n");
        return text.replace("${TEST_CA_BUNDLE}", caBundle(ROOT))
                .replace("${OTHER_CA_BUNDLE}", caBundle(OTHER))
                .replace("${TEST_ROOT_PEM}", "\"" + pem + "\"");
    }
}
