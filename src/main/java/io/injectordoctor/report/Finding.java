package io.injectordoctor.report;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The only way a check reports. {@code subject} names the object as "Kind namespace/name" (see
 * {@link Subjects}); the runner attaches the catalogue's title, remediation and doc link.
 * Evidence keeps its insertion order so that rendered output is stable. {@code fix} holds the
 * commands that fix this finding, with the real names, when the check knows them (else empty: the
 * catalogue's remediation says what to do).
 */
public record Finding(String checkId, Severity severity, String subject, String message, Map<String, Object> evidence,
        List<Advice> fix) {
    public Finding {
        Objects.requireNonNull(checkId, "checkId");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(message, "message");
        evidence = evidence == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(evidence));
        fix = fix == null ? List.of() : List.copyOf(fix);
    }

    public Finding(String checkId, Severity severity, String subject, String message, Map<String, Object> evidence) {
        this(checkId, severity, subject, message, evidence, List.of());
    }

    /** The same finding with these steps as its fix. */
    public Finding withFix(List<Advice> steps) {
        return new Finding(checkId, severity, subject, message, evidence, steps);
    }

    public Finding(String checkId, Severity severity, String subject, String message) {
        this(checkId, severity, subject, message, Map.of());
    }
}
