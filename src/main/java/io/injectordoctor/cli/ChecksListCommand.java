package io.injectordoctor.cli;

import io.injectordoctor.ExitCode;
import io.injectordoctor.app.CheckService;
import io.injectordoctor.DoctorException;
import io.injectordoctor.render.CatalogueMarkdown;
import io.injectordoctor.render.CatalogueText;
import io.injectordoctor.report.CatalogueListing;
import io.injectordoctor.render.DocPages;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "checks", description = "The check catalogue.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  injector-doctor checks list",
            "  injector-doctor checks show ID0801",
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
    int list(@Option(names = {"-o", "--output", "--format"}, paramLabel = "FORMAT", defaultValue = "text",
                    description = "text or markdown (default: ${DEFAULT-VALUE}).") Format format,
            @Option(names = "--plugin-path", paramLabel = "DIR", description = "Include the checks of the jars in DIR.")
                    Path pluginPath) {
        CatalogueListing listing = CheckService.catalogue(pluginPath);
        PrintWriter out = spec.commandLine().getOut();
        if (format == Format.markdown) {
            CatalogueMarkdown.write(out, listing);
        } else {
            CatalogueText.write(out, listing);
        }
        return ExitCode.OK;
    }

    @Command(name = "show", description = "Print a check's page (why it matters, how to fix it) from inside the binary.",
            footerHeading = "%nExamples:%n",
            footer = {
                "  injector-doctor checks show ID0801",
                "  injector-doctor checks show id0901 | less"})
    int show(@Parameters(paramLabel = "ID", description = "The check's id, as 'checks list' and the findings name it.")
            String id) {
        DocPages pages = DocPages.packaged();
        String page = pages.check(id).orElseThrow(() -> new DoctorException(ExitCode.USAGE, "no check " + id
                + (pages.checkIds().isEmpty() ? " (this build carries no check pages)"
                        : "; the checks are: " + String.join(", ", pages.checkIds()))));
        PrintWriter out = spec.commandLine().getOut();
        out.print(page);
        out.flush();
        return ExitCode.OK;
    }
}
