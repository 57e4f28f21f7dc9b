package io.injectordoctor.checks;

import io.injectordoctor.cluster.ClusterSnapshot;
import io.injectordoctor.cluster.ResourceKind;
import io.injectordoctor.cluster.SnapshotAssembler;
import io.injectordoctor.cluster.SnapshotFile;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.List;

/**
 * Cluster states for check tests, written as Kubernetes YAML under src/test/resources/checks and
 * read by the same reader as {@code --snapshot}. Several files make one snapshot, so that a fixture
 * states only what differs from the healthy base.
 */
public final class Fixtures {
    /** A default Istio install with a ready injector and an injected application. */
    public static final String[] HEALTHY = {"base/control-plane.yaml", "base/mesh-root.yaml", "base/injector-config.yaml",
        "base/injector-ready.yaml", "base/app.yaml"};
    /** The control plane and the application, with no injector pod or endpoints. */
    public static final String[] INJECTOR_DOWN = {"base/control-plane.yaml", "base/mesh-root.yaml", "base/injector-config.yaml",
        "base/app.yaml"};

    /** A healthy install without its injector ConfigMap, for fixtures that bring their own. */
    public static final String[] WITHOUT_CONFIG = {"base/control-plane.yaml", "base/mesh-root.yaml", "base/injector-ready.yaml",
        "base/app.yaml"};

    private Fixtures() {
    }

    public static Path path(String resource) {
        URL url = Fixtures.class.getClassLoader().getResource("checks/" + resource);
        if (url == null) {
            throw new IllegalArgumentException("no fixture checks/" + resource);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every kind counts as read, as in a full dump: absent objects are absent, not unknown. */
    public static ClusterSnapshot snapshot(String... resources) {
        ClusterSnapshot.Builder b = ClusterSnapshot.builder().source("fixture").istioNamespace("istio-system");
        for (ResourceKind k : ResourceKind.values()) {
            b.loaded(k);
        }
        SnapshotAssembler a = new SnapshotAssembler(b);
        for (String r : resources) {
            try {
                SnapshotFile.parse(new java.io.StringReader(text(r)), r).forEach(a::add);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return b.build();
    }

    /** A fixture's text with the certificates generated for this run put in (see TestMeshRoot). */
    public static String text(String resource) {
        try {
            return TestMeshRoot.fill(java.nio.file.Files.readString(path(resource)));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * A fixture file with its base: the healthy install unless its first comment lines say
     * otherwise. {@code # base: healthy | injector-down | without-config | none | FILE [FILE...]}
     * picks the files it is added to; {@code # unreadable: pods, secrets} marks kinds as refused;
     * {@code # loaded: none} says nothing could be read at all.
     */
    public static ClusterSnapshot fromFixtureFile(String resource) {
        String[] base = baseOf(resource);
        List<ResourceKind> unreadable = new java.util.ArrayList<>();
        boolean nothingLoaded = false;
        for (String line : text(resource).lines().takeWhile(l -> l.startsWith("#")).toList()) {
            String directive = line.substring(1).strip();
            int colon = directive.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String key = directive.substring(0, colon).strip();
            String value = directive.substring(colon + 1).strip();
            switch (key) {
                case "unreadable" -> java.util.Arrays.stream(value.split(",")).map(String::strip)
                        .forEach(k -> unreadable.add(ResourceKind.ofResource(k).orElseThrow()));
                case "loaded" -> nothingLoaded = "none".equals(value);
                default -> {
                }
            }
        }
        if (nothingLoaded) {
            return ClusterSnapshot.builder().source("fixture " + resource).build();
        }
        ClusterSnapshot.Builder b = snapshot(concat(base, new String[] {resource})).toBuilder();
        unreadable.forEach(k -> b.unreadable(k, "forbidden: cannot list " + k.resource() + " (fixture)"));
        return b.build();
    }

    /** A fixture file and its base as one YAML text, certificates filled in: what --snapshot would read. */
    public static String joinedText(String resource) {
        StringBuilder sb = new StringBuilder();
        for (String r : concat(baseOf(resource), new String[] {resource})) {
            sb.append(text(r)).append("\n---\n");
        }
        return sb.toString();
    }

    private static String[] baseOf(String resource) {
        for (String line : text(resource).lines().takeWhile(l -> l.startsWith("#")).toList()) {
            String directive = line.substring(1).strip();
            if (directive.startsWith("base:")) {
                String value = directive.substring("base:".length()).strip();
                return switch (value) {
                    case "healthy" -> HEALTHY;
                    case "injector-down" -> INJECTOR_DOWN;
                    case "without-config" -> WITHOUT_CONFIG;
                    case "none" -> new String[0];
                    default -> value.split("\\s+");
                };
            }
        }
        return HEALTHY;
    }

    public static ClusterSnapshot healthyWith(String... more) {
        return snapshot(concat(HEALTHY, more));
    }

    public static ClusterSnapshot injectorDownWith(String... more) {
        return snapshot(concat(INJECTOR_DOWN, more));
    }

    public static ClusterSnapshot withoutConfigWith(String... more) {
        return snapshot(concat(WITHOUT_CONFIG, more));
    }

    /** The files of a base followed by more files. */
    public static String[] concatAll(String[] base, String... more) {
        return concat(base, more);
    }

    static String[] concat(String[] a, String[] b) {
        String[] out = new String[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
