package io.injectordoctor.render;

import io.injectordoctor.report.CatalogueListing;
import java.io.PrintWriter;

/** The catalogue as a table: id, category, severity and what each check verifies. */
public final class CatalogueText {
    private CatalogueText() {
    }

    public static void write(PrintWriter target, CatalogueListing listing) {
        PrintWriter out = SafeText.writer(target, new Style(false));
        String row = "%-8s %-19s %-8s %s%n";
        out.printf(row, "ID", "CATEGORY", "SEVERITY", "CHECK");
        for (CatalogueListing.Item c : listing.checks()) {
            out.printf(row, c.id(), c.category(), c.severity().lower(), c.title());
        }
        out.flush();
    }
}
