package io.injectordoctor.render;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The command that prints a documentation page from inside the binary, for a page named by its
 * repository path: findings point there, not to a checkout the user may not have.
 */
public final class DocLinks {
    private static final Pattern CHECK_PAGE = Pattern.compile("docs/checks/([A-Za-z0-9_-]+)\\.md");
    private static final Pattern DOC_PAGE = Pattern.compile("docs/([A-Za-z0-9_.-]+?)(?:\\.md)?(#[A-Za-z0-9_-]+)?");

    private DocLinks() {
    }

    /**
     * {@code docs/checks/ID0601.md} gives {@code injector-doctor checks show ID0601};
     * {@code docs/check-certs.md#probe_failed} gives {@code injector-doctor docs check-certs#probe_failed}.
     * Anything else is returned as it is.
     */
    public static String command(String docPath) {
        if (docPath == null) {
            return null;
        }
        Matcher c = CHECK_PAGE.matcher(docPath);
        if (c.matches()) {
            return "injector-doctor checks show " + c.group(1);
        }
        Matcher d = DOC_PAGE.matcher(docPath);
        if (d.matches()) {
            return "injector-doctor docs " + d.group(1) + (d.group(2) == null ? "" : d.group(2).toLowerCase(Locale.ROOT));
        }
        return docPath;
    }
}
