package io.injectordoctor.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DocSectionsTest {
    private static final String PAGE = "# Title\nintro\n## Findings\n### ROOT_NOT_FOUND\nno root.\n\n### CA_BUNDLE_EMPTY\nempty.\n"
            + "## What it checks\nmore\n";

    @Test
    void aSectionEndsAtTheNextHeadingOfItsLevel() {
        assertThat(DocSections.section(PAGE, "root_not_found")).contains("### ROOT_NOT_FOUND\nno root.\n");
        assertThat(DocSections.section(PAGE, "findings"))
                .contains("## Findings\n### ROOT_NOT_FOUND\nno root.\n\n### CA_BUNDLE_EMPTY\nempty.\n");
        assertThat(DocSections.section(PAGE, "what-it-checks")).contains("## What it checks\nmore\n");
    }

    @Test
    void noSuchSection() {
        assertThat(DocSections.section(PAGE, "nothing")).isEmpty();
    }
}
