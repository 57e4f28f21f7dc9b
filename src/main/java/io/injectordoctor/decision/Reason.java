package io.injectordoctor.decision;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One step of the decision: a stable code, its sentence, and the evidence it rests on. The
 * sentence is formatted when it is read: most decisions of a whole-cluster audit are only counted.
 * Read by the thread that made the decision; it takes no locks.
 */
public final class Reason {
    private final ReasonCode code;
    private final java.util.function.Supplier<Map<String, Object>> evidenceSource;
    private final Object[] args;
    private Map<String, Object> evidence;
    private String message;

    private Reason(ReasonCode code, java.util.function.Supplier<Map<String, Object>> evidence, Object[] args) {
        this.code = code;
        this.evidenceSource = evidence;
        this.args = args;
    }

    public static Reason of(ReasonCode code, Map<String, Object> evidence, Object... args) {
        Map<String, Object> e = Collections.unmodifiableMap(evidence);
        return new Reason(code, () -> e, args);
    }

    /** A step whose evidence is gathered only when it is shown. */
    public static Reason lazy(ReasonCode code, java.util.function.Supplier<Map<String, Object>> evidence, Object... args) {
        return new Reason(code, evidence, args);
    }

    public ReasonCode code() {
        return code;
    }

    public String message() {
        if (message == null) {
            message = code.format(args);
        }
        return message;
    }

    public Map<String, Object> evidence() {
        if (evidence == null) {
            evidence = Collections.unmodifiableMap(evidenceSource.get());
        }
        return evidence;
    }

    /** Evidence from alternating keys and values, in order. */
    public static Map<String, Object> evidence(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i + 1 < kv.length; i += 2) {
            m.put(String.valueOf(kv[i]), kv[i + 1]);
        }
        return m;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Reason r && r.code == code && r.message().equals(message()) && r.evidence().equals(evidence());
    }

    @Override
    public int hashCode() {
        return Objects.hash(code, message());
    }

    @Override
    public String toString() {
        return code + ": " + message();
    }
}
