package io.injectordoctor.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.injectordoctor.report.Invocation;
import java.util.List;
import org.junit.jupiter.api.Test;

class DocLinksTest {
    private static final Invocation INSTALLED = Invocation.plain();

    @Test
    void aCheckPageBecomesChecksShow() {
        assertThat(DocLinks.command("docs/checks/ID0601.md", INSTALLED)).isEqualTo("injector-doctor checks show ID0601");
    }

    @Test
    void anotherPageBecomesDocsWithItsSection() {
        assertThat(DocLinks.command("docs/check-certs.md#PROBE_FAILED", INSTALLED))
                .isEqualTo("injector-doctor docs check-certs#probe_failed");
        assertThat(DocLinks.command("docs/trust.md", INSTALLED)).isEqualTo("injector-doctor docs trust");
    }

    @Test
    void theCommandIsSpelledAsTheUserCalledTheToolAndCarriesNoSourceFlags() {
        Invocation plugin = new Invocation(Invocation.programWords("kubectl injector-doctor"),
                List.of("--context", "prod"), List.of("--context", "prod"), false);
        assertThat(DocLinks.command("docs/checks/ID0901.md", plugin)).isEqualTo("kubectl injector-doctor checks show ID0901");
        Invocation clone = new Invocation(List.of("scripts/injector-doctor"), List.of("--demo"), List.of(), true);
        assertThat(DocLinks.command("docs/trust.md", clone)).isEqualTo("scripts/injector-doctor docs trust");
    }

    @Test
    void aPathOutsideTheDocsStaysAsItIs() {
        assertThat(DocLinks.command("https://istio.io/x", INSTALLED)).isEqualTo("https://istio.io/x");
        assertThat(DocLinks.command(null, INSTALLED)).isNull();
    }
}
