package io.injectordoctor.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DocLinksTest {
    @Test
    void aCheckPageBecomesChecksShow() {
        assertThat(DocLinks.command("docs/checks/ID0601.md")).isEqualTo("injector-doctor checks show ID0601");
    }

    @Test
    void anotherPageBecomesDocsWithItsSection() {
        assertThat(DocLinks.command("docs/check-certs.md#PROBE_FAILED"))
                .isEqualTo("injector-doctor docs check-certs#probe_failed");
        assertThat(DocLinks.command("docs/trust.md")).isEqualTo("injector-doctor docs trust");
    }

    @Test
    void aPathOutsideTheDocsStaysAsItIs() {
        assertThat(DocLinks.command("https://istio.io/x")).isEqualTo("https://istio.io/x");
        assertThat(DocLinks.command(null)).isNull();
    }
}
