package io.injectordoctor.demo;

import io.injectordoctor.certs.Pki;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Base64;

/**
 * What the seed YAML leaves open until start-up: certificates (never committed, they would expire)
 * and timestamps relative to now (so ages read the same whenever the demo runs). A seed value is a
 * whole string of the form {@code @NAME@} or {@code @AGO:<ISO-8601 duration>@}.
 */
final class SeedValues {
    private final Instant now;
    private final String meshRootPem;
    private final String webhookCaBundlePem;

    private SeedValues(Instant now, String meshRootPem, String webhookCaBundlePem) {
        this.now = now;
        this.meshRootPem = meshRootPem;
        this.webhookCaBundlePem = webhookCaBundlePem;
    }

    static SeedValues issue(Scenario scenario, Instant now) {
        Instant from = now.minus(Duration.ofDays(60));
        Instant to = now.plus(Duration.ofDays(3650));
        String root = Pki.root("Istio CA", from, to).certificatePem();
        String bundle = scenario.webhookTrustsMeshRoot() ? root
                : Pki.root("Istio CA", from, to).certificatePem();
        return new SeedValues(now.truncatedTo(ChronoUnit.SECONDS), root, bundle);
    }

    String meshRootPem() {
        return meshRootPem;
    }

    String webhookCaBundlePem() {
        return webhookCaBundlePem;
    }

    boolean isPlaceholder(String text) {
        return text.length() > 2 && text.startsWith("@") && text.endsWith("@");
    }

    /** The value of a placeholder; an unknown one is a bug in the seed and stops start-up. */
    String resolve(String placeholder) {
        String name = placeholder.substring(1, placeholder.length() - 1);
        switch (name) {
            case "MESH_ROOT_PEM":
                return meshRootPem;
            case "MESH_ROOT_PEM_BASE64":
                return base64(meshRootPem);
            case "WEBHOOK_CA_BUNDLE":
                return base64(webhookCaBundlePem);
            default:
                break;
        }
        if (name.startsWith("AGO:")) {
            try {
                return now.minus(Duration.parse(name.substring(4))).toString();
            } catch (DateTimeParseException e) {
                throw new IllegalStateException("demo seed: bad duration in " + placeholder, e);
            }
        }
        throw new IllegalStateException("demo seed: unknown value " + placeholder);
    }

    private static String base64(String pem) {
        return Base64.getEncoder().encodeToString(pem.getBytes(StandardCharsets.US_ASCII));
    }
}
