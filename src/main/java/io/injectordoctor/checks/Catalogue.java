package io.injectordoctor.checks;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.injectordoctor.DoctorException;
import io.injectordoctor.ExitCode;
import java.io.IOException;
import java.io.InputStream;
import io.injectordoctor.report.Severity;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The wording of checks, read from {@code checks/<id>.yaml} on the class path (the project's own
 * {@code checks/} folder, or a plugin jar's). Looked up by id, so the registry decides which
 * entries exist; an entry whose id differs from its file name is rejected.
 */
public final class Catalogue {
    private static final Set<String> REQUIRED = Set.of("id", "title", "category", "severity", "reads", "summary",
            "remediation", "runbookStep");
    private static final Set<String> OPTIONAL = Set.of("optionalReads", "prerequisites");

    /** The full YAML reader, made only for an entry outside the flat shape (a plugin's, or a broken one). */
    private static final class FullYaml {
        static final ObjectMapper MAPPER = new ObjectMapper(new YAMLFactory())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    }

    private final ClassLoader loader;
    private final Map<String, Optional<CatalogueEntry>> cache = new LinkedHashMap<>();

    public Catalogue(ClassLoader loader) {
        this.loader = loader;
    }

    public static String resourcePath(String id) {
        return "checks/" + id + ".yaml";
    }

    /** The entry for {@code id}, or empty when no {@code checks/<id>.yaml} is on the class path. */
    public synchronized Optional<CatalogueEntry> find(String id) {
        return cache.computeIfAbsent(id, this::read);
    }

    /** The entry, or a placeholder saying that the check ships none. */
    public CatalogueEntry entry(String id) {
        return find(id).orElseGet(() -> CatalogueEntry.missing(id));
    }

    private Optional<CatalogueEntry> read(String id) {
        URL url = loader.getResource(resourcePath(id));
        if (url == null) {
            return Optional.empty();
        }
        try (InputStream in = url.openStream()) {
            return Optional.of(parse(id, in));
        } catch (IOException e) {
            throw new DoctorException(ExitCode.DATA, resourcePath(id) + ": " + e.getMessage(), e);
        }
    }

    static CatalogueEntry parse(String id, InputStream in) throws IOException {
        String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        CatalogueEntry e = FlatYaml.read(text).flatMap(Catalogue::flat).orElse(null);
        if (e == null) {
            e = full(id, text);
        }
        if (e == null || !id.equals(e.id())) {
            throw new DoctorException(ExitCode.DATA,
                    resourcePath(id) + ": id is " + (e == null ? "missing" : "'" + e.id() + "'") + ", expected '" + id + "'");
        }
        return e;
    }

    static CatalogueEntry full(String id, String text) throws IOException {
        try {
            return FullYaml.MAPPER.readValue(text, CatalogueEntry.class);
        } catch (DatabindException ex) {
            throw new DoctorException(ExitCode.DATA, resourcePath(id) + ": " + ex.getOriginalMessage(), ex);
        }
    }

    /** The entry from a flat reading, or empty when a key is missing, unknown or of the wrong form. */
    @SuppressWarnings("unchecked")
    static Optional<CatalogueEntry> flat(Map<String, Object> m) {
        if (!m.keySet().containsAll(REQUIRED)) {
            return Optional.empty();
        }
        for (Map.Entry<String, Object> kv : m.entrySet()) {
            boolean list = Set.of("reads", "optionalReads", "prerequisites").contains(kv.getKey());
            boolean known = REQUIRED.contains(kv.getKey()) || OPTIONAL.contains(kv.getKey());
            if (!known || list != kv.getValue() instanceof List) {
                return Optional.empty();
            }
        }
        Severity severity;
        try {
            severity = Severity.valueOf((String) m.get("severity"));
        } catch (IllegalArgumentException ex) {
            return Optional.empty();
        }
        try {
            return Optional.of(CatalogueEntry.fromYaml((String) m.get("id"), (String) m.get("title"),
                    (String) m.get("category"), severity, (List<String>) m.get("reads"),
                    (List<String>) m.get("optionalReads"), (List<String>) m.get("prerequisites"),
                    (String) m.get("summary"), (String) m.get("remediation"), (String) m.get("runbookStep")));
        } catch (IllegalArgumentException ex) {
            // an unknown kind: the full reader reports it as it always has
            return Optional.empty();
        }
    }
}
