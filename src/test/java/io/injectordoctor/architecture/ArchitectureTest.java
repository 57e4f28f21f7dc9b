package io.injectordoctor.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layering of docs/architecture.md, read from the compiled classes: each package uses only the
 * packages its row allows (the root package's exit codes and exception are everyone's), and no two
 * packages depend on each other, directly or through others.
 */
class ArchitectureTest {
    private static final String ROOT = "io.injectordoctor";

    /** The "may use" column of docs/architecture.md, with what those packages may use in turn. */
    private static final Map<String, Set<String>> MAY_USE = Map.ofEntries(
            Map.entry("report", Set.of()),
            Map.entry("mesh", Set.of()),
            Map.entry("model", Set.of("mesh")),
            Map.entry("cluster", Set.of("model", "mesh")),
            Map.entry("decision", Set.of("cluster", "model", "mesh")),
            Map.entry("mutation", Set.of("decision", "cluster", "model", "mesh")),
            Map.entry("certs", Set.of("report", "cluster", "model", "mesh")),
            Map.entry("checks", Set.of("report", "certs", "decision", "cluster", "model", "mesh")),
            Map.entry("explain", Set.of("checks", "report", "certs", "decision", "cluster", "model", "mesh")),
            Map.entry("remedy", Set.of("explain", "checks", "report", "certs", "decision", "cluster", "model",
                    "mesh")),
            Map.entry("render", Set.of("report")),
            Map.entry("demo", below("demo")),
            Map.entry("serve", below("serve")),
            Map.entry("app", below("app")),
            Map.entry("cli", Set.of("app", "demo", "serve", "render", "report")));

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT);
    }

    /** Everything but the command line, and but the package itself. */
    private static Set<String> below(String self) {
        Set<String> s = new TreeSet<>(Set.of("report", "mesh", "model", "cluster", "decision", "mutation", "certs",
                "checks", "explain", "remedy", "render", "demo", "serve", "app"));
        s.remove(self);
        return s;
    }

    @Test
    void everyPackageHasARowInTheTable() {
        Set<String> packages = new TreeSet<>();
        for (JavaClass c : classes) {
            String p = topPackage(c.getPackageName());
            if (p != null) {
                packages.add(p);
            }
        }
        assertThat(MAY_USE.keySet()).containsAll(packages);
    }

    @Test
    void packagesUseOnlyWhatTheirRowAllows() {
        List<String> violations = new ArrayList<>();
        for (JavaClass c : classes) {
            String from = topPackage(c.getPackageName());
            if (from == null) {
                continue;
            }
            for (Dependency d : c.getDirectDependenciesFromSelf()) {
                String to = topPackage(d.getTargetClass().getPackageName());
                if (to != null && !to.equals(from) && !MAY_USE.getOrDefault(from, Set.of()).contains(to)) {
                    violations.add(from + " -> " + to + ": " + d.getDescription());
                }
            }
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void noPackageCycles() {
        SlicesRuleDefinition.slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(classes);
    }

    /** The first segment below the root; null for the root package itself (exit codes, the exception). */
    private static String topPackage(String pkg) {
        if (!pkg.startsWith(ROOT + ".")) {
            return null;
        }
        String rest = pkg.substring(ROOT.length() + 1);
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }
}
