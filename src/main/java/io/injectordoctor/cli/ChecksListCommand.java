package io.injectordoctor.cli;

import io.injectordoctor.ExitCode;
import io.injectordoctor.checks.CatalogueEntry;
import io.injectordoctor.checks.Check;
import io.injectordoctor.checks.CheckRegistry;
import io.injectordoctor.render.CatalogueMarkdown;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "checks", description = "The check catalogue.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  injector-doctor checks list",
            "  injector-doctor checks list --format markdown > docs/checks/README.md",
            "  injector-doctor checks list --plugin-path ./checks.d"})
public final class ChecksListCommand implements Runnable {
    @Spec
    CommandSpec spec;

    enum Format { text, markdown }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "list", description = "List every check: id, category, severity and what it verifies.",
            footerHeading = "%nExamples:%n",
            footer = {
                "  injector-doctor checks list",
                "  injector-doctor checks list --format markdown > docs/checks/README.md"})
    int list(@Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
                    description = "text or markdown (default: ${DEFAULT-VALUE}).") Format format,
            @Option(names = "--plugin-path", paramLabel = "DIR", description = "Include the checks of the jars in DIR.")
                    Path pluginPath) {
        CheckRegistry registry = CheckCommand.registry(pluginPath);
        PrintWriter out = spec.commandLine().getOut();
        if (format == Format.markdown) {
            CatalogueMarkdown.write(out, registry);
            return ExitCode.OK;
        }
        String row = "%-8s %-19s %-8s %s%n";
        out.printf(row, "ID", "CATEGORY", "SEVERITY", "CHECK");
        for (Check c : registry.ordered()) {
            CatalogueEntry e = registry.entry(c.id());
            out.printf(row, e.id(), e.category(), e.severity().lower(), e.title());
        }
        out.flush();
        return ExitCode.OK;
    }
}
