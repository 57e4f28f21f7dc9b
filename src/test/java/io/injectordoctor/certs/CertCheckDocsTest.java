package io.injectordoctor.certs;

import io.injectordoctor.render.CertCheck;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Every finding code a check can report has its section in docs/check-certs.md, where the hints point. */
class CertCheckDocsTest {
    @Test
    void everyCodeIsDocumented() throws Exception {
        Path doc = Path.of("docs/check-certs.md");
        assumeTrue(Files.exists(doc), "run from the project directory");
        String text = Files.readString(doc);
        Arrays.stream(CertCheck.values()).flatMap(c -> c.codes().stream())
                .forEach(code -> assertThat(text).as(code).contains("\n### " + code + "\n"));
    }
}
