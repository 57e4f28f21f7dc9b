package io.injectordoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.injectordoctor.ExitCode;
import io.injectordoctor.checks.Check;
import io.injectordoctor.testing.MockCluster.Result;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The pages travel in the jar: 'checks show ID' and 'docs PAGE' print them as docs/ holds them. */
class DocsCommandTest {
    @Test
    void checksShowPrintsTheCheckPageAsInTheDocsFolder() throws IOException {
        Result r = Result.of("checks", "show", "ID0901");

        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCode.OK);
        assertThat(r.out()).isEqualTo(Files.readString(Path.of("docs/checks/ID0901.md"), StandardCharsets.UTF_8));
        assertThat(Result.of("checks", "show", "id0901").out()).isEqualTo(r.out());
    }

    @Test
    void everyCheckOfTheCatalogueHasItsPageInTheBinary() throws IOException {
        for (Check c : io.injectordoctor.app.CheckService.registry(null).ordered()) {
            Result r = Result.of("checks", "show", c.id());
            assertThat(r.exitCode()).as(c.id() + ": " + r.err()).isEqualTo(ExitCode.OK);
            assertThat(r.out()).as(c.id()).isEqualTo(Files.readString(Path.of("docs/checks/" + c.id() + ".md")));
        }
    }

    @Test
    void anUnknownIdIsAUsageErrorThatListsTheIds() {
        Result r = Result.of("checks", "show", "ID9999");

        assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().lines()).hasSize(1);
        assertThat(r.err()).startsWith("error: no check ID9999; the checks are: ID0101, ID0102,").contains("ID0901");
    }

    @Test
    void docsListsEveryTopLevelPageAndPrintsOne() throws IOException {
        Result list = Result.of("docs");
        assertThat(list.exitCode()).isEqualTo(ExitCode.OK);
        try (Stream<Path> pages = Files.list(Path.of("docs"))) {
            pages.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".md"))
                    .forEach(n -> assertThat(list.out().lines()).contains(n.substring(0, n.length() - 3)));
        }
        assertThat(list.out()).contains("rbac.yaml", "checks", "ID0801");

        Result page = Result.of("docs", "check-certs");
        assertThat(page.out()).isEqualTo(Files.readString(Path.of("docs/check-certs.md")));
        assertThat(Result.of("docs", "rbac.yaml").out()).isEqualTo(Files.readString(Path.of("docs/rbac.yaml")));
        assertThat(Result.of("docs", "checks").out()).isEqualTo(Files.readString(Path.of("docs/checks/README.md")));
    }

    @Test
    void aSectionIsPrintedAlone() {
        Result r = Result.of("docs", "check-certs#ca_bundle_root_missing");

        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCode.OK);
        assertThat(r.out()).startsWith("### CA_BUNDLE_ROOT_MISSING\n").doesNotContain("### CA_BUNDLE_ROOT_PARTIAL");
    }

    @Test
    void anUnknownPageOrSectionIsAUsageError() {
        Result page = Result.of("docs", "nonsense");
        assertThat(page.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(page.err()).startsWith("error: no page nonsense; the pages are: architecture, check-certs,");

        Result section = Result.of("docs", "check-certs#nonsense");
        assertThat(section.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(section.err()).contains("has no section nonsense");
    }
}
