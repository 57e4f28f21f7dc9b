package io.injectordoctor.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Ties each built-in check together: id, class, catalogue entry, doc page and fixture test. Adding
 * a check without any of them, or leaving one behind after removing a check, fails here.
 */
class CatalogueConsistencyTest {
    private static final Path CATALOGUE_DIR = Path.of("checks");
    private static final Path DOCS_DIR = Path.of("docs", "checks");
    private final CheckRegistry registry = CheckRegistry.builtIn();

    @Test
    void idsFollowTheSchemeAndEveryEntryIsComplete() {
        for (Check c : registry.checks()) {
            assertThat(c.id()).matches("ID\\d{4}");
            CatalogueEntry e = registry.entry(c.id());
            // An id is a stable name, not a position: the category is the entry's, whatever the digits.
            assertThat(Categories.ORDER).as("category of %s", c.id()).contains(e.category());
            assertThat(e.prerequisites()).allSatisfy(p -> assertThat(registry.ids()).contains(p));
            assertThat(e.prerequisites()).as("%s is not its own prerequisite", c.id()).doesNotContain(c.id());
            assertThat(e.severity()).isNotNull();
        }
    }

    @Test
    void theIdIsWrittenInTheCodeOnlyByItsCheckClass() throws IOException {
        List<Path> sources;
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            sources = files.filter(p -> p.toString().endsWith(".java")).toList();
        }
        for (Check c : registry.checks()) {
            String literal = "\"" + c.id() + "\"";
            List<String> holders = new java.util.ArrayList<>();
            for (Path p : sources) {
                if (Files.readString(p).contains(literal)) {
                    holders.add(p.getFileName().toString());
                }
            }
            assertThat(holders).as("files that write %s", c.id())
                    .containsExactly(c.getClass().getSimpleName() + ".java");
        }
    }

    @Test
    void everyCheckHasACompleteCatalogueEntryAndNoEntryIsOrphaned() throws IOException {
        for (Check c : registry.checks()) {
            CatalogueEntry e = registry.catalogue().find(c.id()).orElseThrow(() -> new AssertionError("no entry " + c.id()));
            assertThat(e.title()).as(c.id()).isNotBlank().doesNotEndWith(".");
            assertThat(Character.isLowerCase(e.title().charAt(0)) || Character.isDigit(e.title().charAt(0)))
                    .as("title of %s reads as a statement", c.id()).isTrue();
            assertThat(e.summary()).as("summary of %s", c.id()).endsWith(".");
            assertThat(e.remediation()).as("remediation of %s", c.id()).endsWith(".");
            assertThat(e.runbookStep()).as(c.id()).isNotBlank();
        }
        assertThat(names(CATALOGUE_DIR, ".yaml")).containsExactlyInAnyOrderElementsOf(registry.ids());
    }

    @Test
    void everyCheckHasADocPageWithWhyAndFix() throws IOException {
        for (Check c : registry.checks()) {
            Path page = DOCS_DIR.resolve(c.id() + ".md");
            assertThat(page).as(c.id()).exists();
            List<String> lines = Files.readAllLines(page);
            assertThat(lines.get(0)).isEqualTo("# " + c.id() + ": " + registry.entry(c.id()).title());
            assertThat(lines).contains("## Why", "## Fix");
        }
        assertThat(names(DOCS_DIR, ".md")).filteredOn(n -> !n.equals("README"))
                .containsExactlyInAnyOrderElementsOf(registry.ids());
    }

    @Test
    void fixtureFoldersBelongToChecks() throws IOException {
        try (Stream<Path> dirs = Files.list(Path.of("src/test/resources/checks"))) {
            assertThat(dirs.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("ID")))
                    .allSatisfy(n -> assertThat(registry.ids()).contains(n));
        }
    }

    private static List<String> names(Path dir, String suffix) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(suffix))
                    .map(n -> n.substring(0, n.length() - suffix.length())).toList();
        }
    }
}
