package io.injectordoctor.checks;

import io.injectordoctor.report.Finding;
import io.injectordoctor.report.Severity;
import static org.assertj.core.api.Assertions.assertThat;

import io.injectordoctor.cluster.ClusterSnapshot;
import java.util.List;

/**
 * Runs one check on a snapshot the way every fixture test needs it, and asserts what must hold of
 * any finding: it carries the check's id, stays within the catalogue's severity, and names a
 * subject that suppression can read back.
 */
public final class CheckTester {
    private static final Catalogue CATALOGUE = new Catalogue(CheckTester.class.getClassLoader());

    private CheckTester() {
    }

    public static List<Finding> run(Check check, ClusterSnapshot snapshot) {
        List<Finding> findings = check.run(CheckContext.of(snapshot));
        CatalogueEntry entry = CATALOGUE.find(check.id()).orElseThrow(() -> new AssertionError("no catalogue entry"));
        for (Finding f : findings) {
            assertThat(f.checkId()).as("check id of %s", f).isEqualTo(check.id());
            assertThat(entry.severity().atLeast(f.severity()))
                    .as("%s exceeds the catalogue severity %s", f, entry.severity()).isTrue();
            assertThat(Subjects.parse(f.subject()).kind()).as("subject of %s", f).isNotBlank();
            assertThat(f.message()).isNotBlank();
        }
        return findings;
    }

    /** Findings at WARNING or above: what makes a check warn or fail. */
    public static List<Finding> problems(Check check, ClusterSnapshot snapshot) {
        return run(check, snapshot).stream().filter(f -> f.severity().atLeast(Severity.WARNING)).toList();
    }
}
