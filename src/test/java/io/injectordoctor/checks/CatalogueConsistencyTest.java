package io.injectordoctor.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
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
    void idsFollowTheSchemeAndMatchTheClassConstant() throws Exception {
        for (Check c : registry.checks()) {
            assertThat(c.id()).matches("ID\\d{4}");
            assertThat(c.getClass().getField("ID").get(null)).as(c.getClass().getName()).isEqualTo(c.id());
            CatalogueEntry e = registry.entry(c.id());
            int category = Integer.parseInt(c.id().substring(2, 4));
            assertThat(Categories.ORDER.get(category - 1)).as("category of %s", c.id()).isEqualTo(e.category());
            assertThat(c.prerequisites()).allSatisfy(p -> assertThat(registry.ids()).contains(p));
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
    void everyCheckHasAFixtureTestThatFiresAndOneThatStaysQuiet() {
        for (Check c : registry.checks()) {
            String testName = c.getClass().getName() + "Test";
            Class<?> test;
            try {
                test = Class.forName(testName);
            } catch (ClassNotFoundException e) {
                throw new AssertionError("no fixture test " + testName);
            }
            List<String> methods = Arrays.stream(test.getDeclaredMethods()).map(Method::getName).toList();
            assertThat(methods).as(testName).anyMatch(m -> m.startsWith("fires") || m.startsWith("warns"));
            assertThat(methods).as(testName).anyMatch(m -> m.startsWith("staysQuiet"));
        }
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
