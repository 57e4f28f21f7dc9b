package io.injectordoctor.cli;

import io.injectordoctor.DoctorException;
import io.injectordoctor.ExitCode;
import io.injectordoctor.render.DocPages;
import io.injectordoctor.render.DocSections;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "docs", description = {
            "Print a page of the documentation from inside the binary; without a PAGE, list the pages.",
            "PAGE#section prints one section (findings of check-certs name theirs); a check id prints its page."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  injector-doctor docs",
            "  injector-doctor docs check-certs#ca_bundle_root_missing",
            "  injector-doctor docs injection-decision | less",
            "  injector-doctor docs rbac.yaml | kubectl apply -f -"})
public final class DocsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "PAGE", description = "A page name as the list shows it, with an optional #section.")
    String page;

    @Override
    public Integer call() {
        DocPages pages = DocPages.packaged();
        PrintWriter out = spec.commandLine().getOut();
        if (page == null) {
            pages.topics().forEach(out::println);
            out.println();
            out.println("Checks (injector-doctor checks show ID): " + String.join(", ", pages.checkIds()));
            out.flush();
            return ExitCode.OK;
        }
        int hash = page.indexOf('#');
        String name = hash < 0 ? page : page.substring(0, hash);
        String text = pages.topic(name).orElseThrow(() -> new DoctorException(ExitCode.USAGE, "no page " + name
                + "; the pages are: " + String.join(", ", pages.topics()) + " (and the check ids)"));
        if (hash >= 0) {
            String anchor = page.substring(hash + 1);
            text = DocSections.section(text, anchor).orElseThrow(() -> new DoctorException(ExitCode.USAGE,
                    "page " + name + " has no section " + anchor));
        }
        out.print(text);
        out.flush();
        return ExitCode.OK;
    }
}
