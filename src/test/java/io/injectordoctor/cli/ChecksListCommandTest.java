package io.injectordoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.injectordoctor.ExitCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ChecksListCommandTest {
    @Test
    void listsTheCatalogueAsTextInCategoryOrder() throws IOException {
        CheckCli.Result r = CheckCli.run("checks", "list");

        assertThat(r.code()).isEqualTo(ExitCode.OK);
        assertThat(r.out().lines().findFirst()).contains("ID       CATEGORY            SEVERITY CHECK");
        Golden.assertMatches("check/checks-list.txt", r.out());
    }

    /** docs/checks/README.md is the markdown listing; regenerate it with the command in its first lines. */
    @Test
    void theDocsIndexIsTheMarkdownListing() throws IOException {
        CheckCli.Result r = CheckCli.run("checks", "list", "--format", "markdown");

        assertThat(r.code()).isEqualTo(ExitCode.OK);
        Path readme = Path.of("docs/checks/README.md");
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(readme, r.out());
        }
        assertThat(r.out()).as("docs/checks/README.md differs from 'checks list --format markdown'; "
                + "update it with -Dgolden.update=true").isEqualTo(Files.readString(readme));
        assertThat(r.out()).contains("| [ID0801](ID0801.md) | the injector service has ready endpoints | error |");
    }
}
