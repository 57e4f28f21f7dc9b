package io.injectordoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.injectordoctor.certs.Pki;
import io.injectordoctor.testing.MockCluster;
import io.injectordoctor.testing.MockCluster.Result;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A capture made with 'snapshot' gives the same answers as the live cluster it came from. */
class SnapshotEquivalenceTest {
    @TempDir
    Path dir;

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aCaptureExplainsAndChecksExactlyLikeTheLiveCluster() throws Exception {
        Path capture = dir.resolve("capture.yaml");
        try (MockCluster c = new MockCluster()) {
            c.apply(Files.readString(Path.of("docs/examples/cluster-snapshot.yaml")));
            Result snap = c.run("snapshot", "-o", capture.toString());
            assertThat(snap.exitCode()).as(snap.err()).isZero();
            assertThat(snap.err()).contains("captured 5 namespaces, 8 pods");

            ObjectMapper json = new ObjectMapper();
            Result live = c.run("explain", "pods", "-A", "-o", "json");
            Result file = Result.of("explain", "pods", "-A", "-o", "json", "--snapshot", capture.toString());
            // The commands each prints carry its own source: the kubeconfig, or the snapshot file.
            String liveSource = " --kubeconfig " + c.kubeconfig();
            String fileSource = " --snapshot " + capture;
            assertThat(live.out()).contains(liveSource);
            assertThat(json.readTree(file.out().replace(fileSource, "")))
                    .isEqualTo(json.readTree(live.out().replace(liveSource, "")));
            assertThat(file.exitCode()).isEqualTo(live.exitCode()).isEqualTo(1);

            Result liveCheck = c.run("check", "-o", "json");
            Result fileCheck = Result.of("check", "-o", "json", "--snapshot", capture.toString());
            assertThat(json.readTree(fileCheck.out().replace(fileSource, "")).path("categories"))
                    .isEqualTo(json.readTree(liveCheck.out().replace(liveSource, "")).path("categories"));
        }
    }

    @Test
    void privateKeysAndTokensNeverLeaveTheCluster() throws Exception {
        Pki.Issued root = Pki.root("mesh root", Instant.now().minus(Duration.ofDays(1)), Instant.now().plus(Duration.ofDays(30)));
        String secret = """
                apiVersion: v1
                kind: Secret
                metadata:
                  name: istio-ca-secret
                  namespace: istio-system
                  annotations:
                    kubectl.kubernetes.io/last-applied-configuration: '{"data":{"ca-key.pem":"%1$s"}}'
                type: istio.io/ca-root
                data:
                  ca-cert.pem: %2$s
                  ca-key.pem: %1$s
                  token: %3$s
                """.formatted(b64(root.keyPem()), b64(root.certificatePem()), b64("s3cr3t-bearer-token"));
        Path capture = dir.resolve("capture.yaml");
        try (MockCluster c = new MockCluster()) {
            c.apply("apiVersion: v1\nkind: Namespace\nmetadata: {name: istio-system}\n---\n" + secret);
            assertThat(c.run("snapshot", "-o", capture.toString()).exitCode()).isZero();
        }
        String text = Files.readString(capture);
        assertThat(text).contains("ca-cert.pem: " + b64(root.certificatePem()));
        assertThat(text).doesNotContain("PRIVATE KEY").doesNotContain(b64(root.keyPem()))
                .doesNotContain("ca-key.pem").doesNotContain(b64("s3cr3t-bearer-token"))
                // the annotation is dropped (the header says so, and counts it)
                .doesNotContain("last-applied-configuration:").contains("lastAppliedConfigurationsDropped: 1");
    }
}
