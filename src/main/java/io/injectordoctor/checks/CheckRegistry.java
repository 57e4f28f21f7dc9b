package io.injectordoctor.checks;

import io.injectordoctor.DoctorException;
import io.injectordoctor.ExitCode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** The checks of one run, built-in then plugins, each with its catalogue entry. Ids are unique. */
public final class CheckRegistry {
    /** Upper-case letters, then letters or digits, at most 16: ID0201, ACME01. */
    public static final Pattern ID = Pattern.compile("[A-Z][A-Z0-9]{2,15}");

    private final Map<String, Check> checks;
    private final Catalogue catalogue;

    private CheckRegistry(Map<String, Check> checks, Catalogue catalogue) {
        this.checks = checks;
        this.catalogue = catalogue;
    }

    public static CheckRegistry builtIn() {
        return of(BuiltInChecks.all(), List.of(), CheckRegistry.class.getClassLoader());
    }

    /** Built-in checks plus the plugins; {@code loader} resolves catalogue entries of both. */
    public static CheckRegistry of(List<Check> builtIn, List<Check> plugins, ClassLoader loader) {
        Map<String, Check> byId = new LinkedHashMap<>();
        List<Check> all = new ArrayList<>(builtIn);
        all.addAll(plugins);
        for (Check c : all) {
            String id = c.id();
            if (id == null || !ID.matcher(id).matches()) {
                throw new DoctorException(ExitCode.DATA, "check " + c.getClass().getName() + " has an invalid id '" + id
                        + "' (expected upper-case letters and digits, e.g. ACME01)");
            }
            Check previous = byId.putIfAbsent(id, c);
            if (previous != null) {
                throw new DoctorException(ExitCode.DATA, "check id " + id + " is used by both "
                        + previous.getClass().getName() + " and " + c.getClass().getName());
            }
        }
        return new CheckRegistry(Collections.unmodifiableMap(byId), new Catalogue(loader));
    }

    public List<Check> checks() {
        return List.copyOf(checks.values());
    }

    public Optional<Check> find(String id) {
        return Optional.ofNullable(checks.get(id));
    }

    public java.util.Set<String> ids() {
        return checks.keySet();
    }

    public CatalogueEntry entry(String id) {
        return catalogue.entry(id);
    }

    public Catalogue catalogue() {
        return catalogue;
    }

    /** Checks in display order: by category, then in registration order. */
    public List<Check> ordered() {
        List<Check> list = new ArrayList<>(checks.values());
        list.sort(java.util.Comparator.comparing((Check c) -> entry(c.id()).category(), Categories.COMPARATOR));
        return list;
    }
}
