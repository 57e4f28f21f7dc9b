package io.injectordoctor.decision;

/**
 * One matchCondition evaluated for one request. {@code detail} is, for an error, the API server's
 * own message for it ("expression '...' resulted in error: ..." or "compilation error: ..."); for
 * an unknown result, what the tool could not know; otherwise null.
 */
public record ConditionResult(String name, String expression, Kind kind, String detail) {
    public enum Kind { TRUE, FALSE, ERROR, UNKNOWN }

    /** "name (expression): false", for evidence. */
    public String describe() {
        String head = "matchCondition " + name + " (" + expression + "): " + kind.name().toLowerCase(java.util.Locale.ROOT);
        return detail == null ? head : head + ": " + detail;
    }
}
