package io.injectordoctor.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.Config;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KubeconfigReaderTest {
    @TempDir
    Path dir;

    private Path write(String text) throws Exception {
        Path p = dir.resolve("config");
        Files.writeString(p, text);
        return p;
    }

    private static final String BASE = """
            apiVersion: v1
            kind: Config
            current-context: prod
            clusters:
            - name: c1
              cluster:
                server: https://10.0.0.1:6443
                certificate-authority: ca.crt
            users:
            - name: u1
              user:
                token: abc
                client-certificate: certs/me.crt
                client-key-data: a2V5
            contexts:
            - name: prod
              context: {cluster: c1, user: u1, namespace: shop}
            - name: other
              context: {cluster: c1, user: u1}
            """;

    @Test
    void readsTheCommonShapeAndResolvesRelativePathsAgainstTheFile() throws Exception {
        Config c = KubeconfigReader.read(write(BASE), null).orElseThrow();
        assertThat(c.getMasterUrl()).startsWith("https://10.0.0.1:6443");
        assertThat(c.getCaCertFile()).isEqualTo(dir.resolve("ca.crt").toString());
        assertThat(c.getClientCertFile()).isEqualTo(dir.resolve("certs/me.crt").toString());
        assertThat(c.getClientKeyData()).isEqualTo("a2V5");
        assertThat(c.getOauthToken()).isEqualTo("abc");
        assertThat(c.getNamespace()).isEqualTo("shop");
        assertThat(c.getCurrentContext().getName()).isEqualTo("prod");
        Config other = KubeconfigReader.read(write(BASE), "other").orElseThrow();
        assertThat(other.getNamespace()).isNull();
        assertThat(other.getCurrentContext().getName()).isEqualTo("other");
    }

    @Test
    void insecureSkipTlsVerifyTrustsAnyCertificate() throws Exception {
        Config c = KubeconfigReader.read(write(BASE.replace("certificate-authority: ca.crt", "insecure-skip-tls-verify: true")),
                null).orElseThrow();
        assertThat(c.isTrustCerts()).isTrue();
        assertThat(c.isDisableHostnameVerification()).isTrue();
    }

    @Test
    void leavesEverythingUncommonToFabric8() throws Exception {
        assertThat(KubeconfigReader.read(write(BASE.replace("token: abc", "exec: {command: aws, apiVersion: client.authentication.k8s.io/v1}")), null)).isEmpty();
        assertThat(KubeconfigReader.read(write(BASE.replace("token: abc", "auth-provider: {name: oidc}")), null)).isEmpty();
        assertThat(KubeconfigReader.read(write(BASE.replace("certificate-authority: ca.crt", "proxy-url: http://proxy:3128")), null)).isEmpty();
        assertThat(KubeconfigReader.read(write(BASE), "missing")).isEmpty();
        assertThat(KubeconfigReader.read(write("clusters: [this is: not: valid"), null)).isEmpty();
    }
}
