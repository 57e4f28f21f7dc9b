package io.injectordoctor.render;

import java.util.Locale;
import java.util.Optional;

/** One section of a Markdown page, as an anchor names it: the heading and what follows up to the next heading of its level or above. */
public final class DocSections {
    private DocSections() {
    }

    /**
     * The section whose heading, as a GitHub anchor (lower case, spaces to dashes), is {@code anchor};
     * empty when the page has none.
     */
    public static Optional<String> section(String page, String anchor) {
        String wanted = anchor.toLowerCase(Locale.ROOT);
        StringBuilder out = null;
        int level = 0;
        for (String line : page.split("\n", -1)) {
            int l = headingLevel(line);
            if (out != null && l > 0 && l <= level) {
                break;
            }
            if (out == null && l > 0 && anchorOf(line.substring(l)).equals(wanted)) {
                out = new StringBuilder();
                level = l;
            }
            if (out != null) {
                out.append(line).append('\n');
            }
        }
        return out == null ? Optional.empty() : Optional.of(out.toString().stripTrailing() + "\n");
    }

    private static int headingLevel(String line) {
        int i = 0;
        while (i < line.length() && line.charAt(i) == '#') {
            i++;
        }
        return i > 0 && i < line.length() && line.charAt(i) == ' ' ? i : 0;
    }

    /* GitHub's rule: lower case, punctuation other than - and _ dropped, spaces become dashes. */
    private static String anchorOf(String heading) {
        StringBuilder a = new StringBuilder();
        for (char c : heading.strip().toLowerCase(Locale.ROOT).toCharArray()) {
            if (Character.isLetterOrDigit(c) || c == '-' || c == '_') {
                a.append(c);
            } else if (c == ' ') {
                a.append('-');
            }
        }
        return a.toString();
    }
}
