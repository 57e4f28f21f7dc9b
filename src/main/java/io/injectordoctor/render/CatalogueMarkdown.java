package io.injectordoctor.render;

import io.injectordoctor.report.CatalogueListing;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The catalogue as a Markdown index: docs/checks/README.md is exactly this output. */
public final class CatalogueMarkdown {
    private CatalogueMarkdown() {
    }

    public static void write(PrintWriter out, CatalogueListing listing) {
        out.println("# Checks");
        out.println();
        out.println("This page is the output of `injector-doctor checks list --format markdown`; a test fails when it");
        out.println("differs from the catalogue under `checks/`.");
        out.println();
        out.println("Ids are stable names: an id never changes meaning, and a retired id is not reused. The category");
        out.println("is a field of the check's entry, not part of its id. Plugin checks use their own upper-case");
        out.println("prefix. Silence a check for a namespace or workload with the annotation");
        out.println("`injector-doctor.io/ignore: ID0402,ID0501` (suppressed findings are counted, not hidden).");
        Map<String, List<CatalogueListing.Item>> byCategory = new LinkedHashMap<>();
        for (CatalogueListing.Item c : listing.checks()) {
            byCategory.computeIfAbsent(c.category(), k -> new java.util.ArrayList<>()).add(c);
        }
        byCategory.forEach((category, checks) -> {
            out.println();
            out.println("## " + category);
            out.println();
            out.println("| id | check | severity | runbook step |");
            out.println("|---|---|---|---|");
            for (CatalogueListing.Item e : checks) {
                out.println("| [" + e.id() + "](" + e.id() + ".md) | " + cell(e.title()) + " | " + e.severity().lower()
                        + " | " + cell(e.runbookStep()) + " |");
            }
        });
        out.flush();
    }

    private static String cell(String s) {
        return s.replace("|", "\\|");
    }
}
