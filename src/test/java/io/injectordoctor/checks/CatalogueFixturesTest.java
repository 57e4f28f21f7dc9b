package io.injectordoctor.checks;

import static org.assertj.core.api.Assertions.assertThat;

import io.injectordoctor.report.Finding;
import io.injectordoctor.report.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every check's fixtures as data, kube-linter style: {@code src/test/resources/checks/<ID>/fires*.yaml}
 * must make the check report at least one problem (warning or error), {@code dont-fire*.yaml} none.
 * A check without both kinds of fixture fails here. The first comment lines of a fixture may name its
 * base and what could not be read (see {@link Fixtures#fromFixtureFile}).
 */
class CatalogueFixturesTest {
    private static final Path ROOT = Path.of("src/test/resources/checks");
    private final CheckRegistry registry = CheckRegistry.builtIn();

    @TestFactory
    List<DynamicTest> everyCheckFiresOnItsFixturesAndStaysQuietOnTheOthers() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Check c : registry.checks()) {
            Path dir = ROOT.resolve(c.id());
            assertThat(dir).as("fixture folder of %s", c.id()).isDirectory();
            List<String> files;
            try (Stream<Path> list = Files.list(dir)) {
                files = list.map(p -> p.getFileName().toString()).sorted().toList();
            }
            List<String> fires = files.stream().filter(f -> f.startsWith("fires")).toList();
            List<String> quiet = files.stream().filter(f -> f.startsWith("dont-fire")).toList();
            assertThat(fires).as("%s has no fires*.yaml fixture", c.id()).isNotEmpty();
            assertThat(quiet).as("%s has no dont-fire*.yaml fixture", c.id()).isNotEmpty();
            for (String f : fires) {
                tests.add(DynamicTest.dynamicTest(c.id() + " fires on " + f,
                        () -> assertThat(problems(c, c.id() + "/" + f)).as("%s on %s", c.id(), f).isNotEmpty()));
            }
            for (String f : quiet) {
                tests.add(DynamicTest.dynamicTest(c.id() + " stays quiet on " + f,
                        () -> assertThat(problems(c, c.id() + "/" + f)).as("%s on %s", c.id(), f).isEmpty()));
            }
        }
        return tests;
    }

    private static List<Finding> problems(Check c, String fixture) {
        return CheckTester.run(c, Fixtures.fromFixtureFile(fixture)).stream()
                .filter(f -> f.severity().atLeast(Severity.WARNING)).toList();
    }
}
