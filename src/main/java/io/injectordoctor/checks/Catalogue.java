package io.injectordoctor.checks;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.injectordoctor.DoctorException;
import io.injectordoctor.ExitCode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The wording of checks, read from {@code checks/<id>.yaml} on the class path (the project's own
 * {@code checks/} folder, or a plugin jar's). Looked up by id, so the registry decides which
 * entries exist; an entry whose id differs from its file name is rejected.
 */
public final class Catalogue {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

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
        CatalogueEntry e;
        try {
            e = YAML.readValue(in, CatalogueEntry.class);
        } catch (DatabindException ex) {
            throw new DoctorException(ExitCode.DATA, resourcePath(id) + ": " + ex.getOriginalMessage(), ex);
        }
        if (e == null || !id.equals(e.id())) {
            throw new DoctorException(ExitCode.DATA,
                    resourcePath(id) + ": id is " + (e == null ? "missing" : "'" + e.id() + "'") + ", expected '" + id + "'");
        }
        return e;
    }
}
