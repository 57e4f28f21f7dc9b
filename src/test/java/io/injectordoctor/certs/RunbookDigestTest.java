package io.injectordoctor.certs;

import io.injectordoctor.report.RunbookDigest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The digests shown must be what an engineer gets by pasting the runbook pipelines. */
class RunbookDigestTest {
    private final Pki.Issued root = TestCerts.root("mesh-root");

    @Test
    void caBundleDigestEqualsMd5sumOfTheSameText() throws Exception {
        String bundle = TestCerts.caBundle(root);
        RunbookDigest d = RunbookDigests.ofCaBundle(bundle, "istio-sidecar-injector", 0);
        assertThat(d.md5()).isEqualTo(shell("md5sum", bundle));
        assertThat(d.command()).isEqualTo("kubectl get mutatingwebhookconfiguration istio-sidecar-injector"
                + " -o jsonpath='{.webhooks[0].clientConfig.caBundle}' | md5sum");
    }

    @Test
    void secretEntryDigestEqualsMd5sumOfItsStoredBase64() throws Exception {
        String pem = root.certificatePem();
        RunbookDigest d = RunbookDigests.ofSecretEntry(pem, "istio-system",
                "istio.istio-sidecar-injector-service-account", "root-cert.pem");
        assertThat(d.md5()).isEqualTo(shell("md5sum", TestCerts.caBundle(pem)));
        assertThat(d.command()).contains("jsonpath='{.data.root-cert\\.pem}' | md5sum");
        // the runbook's own claim: a bundle patched from that secret has the same md5
        assertThat(d.md5()).isEqualTo(RunbookDigests.ofCaBundle(TestCerts.caBundle(root), "x", 0).md5());
    }

    @Test
    void configMapDigestIsReproducedByTheShownPipeline() throws Exception {
        String pem = root.certificatePem();
        RunbookDigest d = RunbookDigests.ofConfigMapEntry(pem, "istio-system", "istio-ca-root-cert", "root-cert.pem");
        String pipeline = d.command().substring(d.command().indexOf("| ") + 2);
        assertThat(pipeline).isEqualTo(RunbookDigests.ENCODE_PIPE + " | md5sum");
        // jsonpath prints the PEM as stored; feed it to the rest of the pipeline exactly as shown
        assertThat(d.md5()).isEqualTo(shell(pipeline, pem));
        assertThat(d.md5()).isEqualTo(RunbookDigests.ofCaBundle(TestCerts.caBundle(root), "x", 0).md5());
    }

    @Test
    void aReWrappedBundleHasADifferentDigest() {
        String bundle = TestCerts.caBundle(root);
        String wrapped = bundle.substring(0, 64) + "\n" + bundle.substring(64);
        assertThat(RunbookDigests.md5Hex(wrapped)).isNotEqualTo(RunbookDigests.md5Hex(bundle));
    }

    /** Runs {@code sh -c pipeline} with {@code stdin}; returns the first field of its output. */
    private static String shell(String pipeline, String stdin) throws IOException, InterruptedException {
        for (String tool : List.of("sh", "md5sum", "base64", "tr")) {
            assumeTrue(onPath(tool), tool + " is not installed");
        }
        Process p = new ProcessBuilder("sh", "-c", pipeline).redirectErrorStream(true).start();
        try (OutputStream in = p.getOutputStream()) {
            in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
        return out.trim().split("\\s+")[0];
    }

    private static boolean onPath(String tool) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (new java.io.File(dir, tool).canExecute()) {
                return true;
            }
        }
        return false;
    }
}
