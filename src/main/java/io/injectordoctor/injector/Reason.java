package io.injectordoctor.injector;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** One step of the decision: a stable code, its sentence, and the evidence it rests on. */
public record Reason(ReasonCode code, String message, Map<String, Object> evidence) {
    public Reason {
        evidence = Collections.unmodifiableMap(new LinkedHashMap<>(evidence));
    }

    public static Reason of(ReasonCode code, Map<String, Object> evidence, Object... args) {
        return new Reason(code, code.format(args), evidence);
    }

    /** Evidence from alternating keys and values, in order. */
    public static Map<String, Object> evidence(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i + 1 < kv.length; i += 2) {
            m.put(String.valueOf(kv[i]), kv[i + 1]);
        }
        return m;
    }
}
