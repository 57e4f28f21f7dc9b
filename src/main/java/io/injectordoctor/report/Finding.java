package io.injectordoctor.report;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The only way a check reports. {@code subject} names the object as "Kind namespace/name" (see
 * {@link Subjects}); the runner attaches the catalogue's title, remediation and doc link.
 * Evidence keeps its insertion order so that rendered output is stable.
 */
public record Finding(String checkId, Severity severity, String subject, String message, Map<String, Object> evidence) {
    public Finding {
        Objects.requireNonNull(checkId, "checkId");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(message, "message");
        evidence = evidence == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(evidence));
    }

    public Finding(String checkId, Severity severity, String subject, String message) {
        this(checkId, severity, subject, message, Map.of());
    }
}
