package io.injectordoctor.checks;

import io.injectordoctor.report.Finding;
import io.injectordoctor.report.Severity;
import io.injectordoctor.report.CheckResult;
import io.injectordoctor.report.CheckReport;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.injectordoctor.DoctorException;
import io.injectordoctor.ExitCode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A plugin jar is compiled and packed here, at test time, then found through --plugin-path. */
public class PluginLoaderTest {
    static final String SOURCE = """
            package example.plugin;

            import io.injectordoctor.checks.*;
            import io.injectordoctor.model.*;
            import io.injectordoctor.report.*;
            import java.util.*;

            public final class NamespaceWithoutOwner implements Check {
                public String id() { return "ACME01"; }
                public List<Finding> run(CheckContext c) {
                    List<Finding> out = new ArrayList<>();
                    for (NamespaceInfo n : c.snapshot().namespaces()) {
                        if (!n.meta().labels().containsKey("owner")) {
                            out.add(new Finding(id(), Severity.WARNING, Subjects.namespace(n.name()), "has no owner label"));
                        }
                    }
                    return out;
                }
            }
            """;
    static final String CATALOGUE = """
            id: ACME01
            title: "namespaces have an owner"
            category: acme-policy
            severity: WARNING
            reads: [namespaces]
            summary: "Every namespace names its owner."
            remediation: "Label the namespace with owner=<team>."
            runbookStep: "none"
            """;

    /** Compiles the plugin against the project's classes and writes plugin.jar into {@code dir}. */
    public static Path buildPlugin(Path dir) throws IOException {
        Path src = dir.resolve("src/example/plugin/NamespaceWithoutOwner.java");
        Path classes = dir.resolve("classes");
        Files.createDirectories(src.getParent());
        Files.createDirectories(classes);
        Files.writeString(src, SOURCE);
        String classpath = Path.of(Check.class.getProtectionDomain().getCodeSource().getLocation().getPath()).toString();
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int rc = javac.run(null, null, null, "-d", classes.toString(), "-cp", classpath, src.toString());
        assertThat(rc).as("javac exit code").isZero();
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        Path jar = plugins.resolve("acme-checks.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            put(out, "example/plugin/NamespaceWithoutOwner.class",
                    Files.readAllBytes(classes.resolve("example/plugin/NamespaceWithoutOwner.class")));
            put(out, "META-INF/services/io.injectordoctor.checks.Check",
                    "example.plugin.NamespaceWithoutOwner\n".getBytes(StandardCharsets.UTF_8));
            put(out, "checks/ACME01.yaml", CATALOGUE.getBytes(StandardCharsets.UTF_8));
        }
        return plugins;
    }

    private static void put(JarOutputStream out, String name, byte[] bytes) throws IOException {
        out.putNextEntry(new JarEntry(name));
        OutputStream o = out;
        o.write(bytes);
        out.closeEntry();
    }

    @Test
    void aPluginJarBuiltHereIsLoadedWithItsCatalogueEntryAndRun(@TempDir Path dir) throws IOException {
        PluginLoader.Plugins plugins = PluginLoader.load(buildPlugin(dir));
        assertThat(plugins.checks()).extracting(Check::id).containsExactly("ACME01");

        CheckRegistry registry = CheckRegistry.of(BuiltInChecks.all(), plugins.checks(), plugins.loader());
        CheckReport report = new Runner(registry).run(Fixtures.snapshot(Fixtures.HEALTHY), RunOptions.all());

        CheckResult r = report.results().stream().filter(x -> x.id().equals("ACME01")).findFirst().orElseThrow();
        assertThat(r.title()).isEqualTo("namespaces have an owner");
        assertThat(r.status()).isEqualTo(CheckResult.Status.WARNED);
        assertThat(r.findings()).extracting(Finding::subject)
                .containsExactlyInAnyOrder("Namespace istio-system", "Namespace default");
        assertThat(report.categories()).last().extracting(CheckReport.CategoryResult::name).isEqualTo("acme-policy");
    }

    @Test
    void aPluginThatReusesABuiltInIdIsRefused() {
        assertThatThrownBy(() -> CheckRegistry.of(BuiltInChecks.all(), List.of(BuiltInChecks.all().get(0)),
                getClass().getClassLoader()))
                .isInstanceOf(DoctorException.class).hasMessageContaining("check id ID0101 is used by both")
                .extracting(e -> ((DoctorException) e).exitCode()).isEqualTo(ExitCode.DATA);
    }

    @Test
    void aMissingPluginDirectoryIsAUsageError(@TempDir Path dir) {
        assertThatThrownBy(() -> PluginLoader.load(dir.resolve("nope")))
                .isInstanceOf(DoctorException.class).hasMessageEndingWith("is not a directory");
    }
}
