package io.injectordoctor.render;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The documentation pages packaged in the jar at build time (docs/*.md, docs/rbac.yaml and
 * docs/checks/*.md, listed in docs/pages.txt), so that the binary explains itself without a checkout.
 */
public final class DocPages {
    private static final String ROOT = "/docs/";
    private final List<String> paths;

    private DocPages(List<String> paths) {
        this.paths = paths;
    }

    /** The pages of this build; none when the jar was built without them. */
    public static DocPages packaged() {
        String index = read("pages.txt").orElse("");
        List<String> paths = new ArrayList<>();
        index.lines().map(String::strip).filter(l -> !l.isEmpty()).sorted().forEach(paths::add);
        return new DocPages(List.copyOf(paths));
    }

    /** The ids of the checks that have a page, in order. */
    public List<String> checkIds() {
        List<String> ids = new ArrayList<>();
        for (String p : paths) {
            if (p.startsWith("checks/") && !p.equals("checks/README.md")) {
                ids.add(p.substring("checks/".length(), p.length() - ".md".length()));
            }
        }
        return ids;
    }

    /** The names {@code docs NAME} takes: the top-level pages without .md, and checks (the index). */
    public List<String> topics() {
        List<String> names = new ArrayList<>();
        for (String p : paths) {
            if (!p.contains("/")) {
                names.add(p.endsWith(".md") ? p.substring(0, p.length() - 3) : p);
            } else if (p.equals("checks/README.md")) {
                names.add("checks");
            }
        }
        return names;
    }

    /** A check's page, by id in any case. */
    public Optional<String> check(String id) {
        String wanted = "checks/" + id.toUpperCase(Locale.ROOT) + ".md";
        return paths.contains(wanted) && !wanted.equals("checks/README.md") ? read(wanted) : Optional.empty();
    }

    /** A page by topic name ({@code check-certs}, {@code check-certs.md}, {@code rbac.yaml}, {@code checks}). */
    public Optional<String> topic(String name) {
        String n = name.strip();
        String path;
        if (n.equalsIgnoreCase("checks") || n.equalsIgnoreCase("checks/README.md")) {
            path = "checks/README.md";
        } else if (paths.contains(n)) {
            path = n;
        } else if (paths.contains(n + ".md")) {
            path = n + ".md";
        } else {
            String byId = "checks/" + n.toUpperCase(Locale.ROOT) + ".md";
            path = byId;
        }
        return paths.contains(path) ? read(path) : Optional.empty();
    }

    private static Optional<String> read(String path) {
        try (InputStream in = DocPages.class.getResourceAsStream(ROOT + path)) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the packaged page " + path, e);
        }
    }
}
