package io.injectordoctor.decision.cel;

import dev.cel.common.CelErrorCode;
import dev.cel.runtime.CelEvaluationException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * cel-java's evaluation errors in cel-go's words, so that a predicted refusal reads like the API
 * server's (cel-go interpreter/attributes.go {@code resolutionError}: "no such key: x",
 * "index out of bounds: 3"; common/types: "division by zero", "modulus by zero",
 * "no such overload"). An error of a Kubernetes function keeps that function's own message.
 */
final class CelErrors {
    private static final Pattern POSITION = Pattern.compile("^evaluation error at [^:]*:\\d+: ");
    private static final Pattern FIELD = Pattern.compile("Error resolving field '(.*)'\\.|key '(.*)' is not present in map");
    private static final Pattern INDEX = Pattern.compile("(?i)index out of bounds: (-?\\d+)");

    private CelErrors() {
    }

    /** The Kubernetes function's error or unsupported function behind the exception, if any. */
    static RuntimeException libraryCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof LibraryError || t instanceof Unsupported) {
                return (RuntimeException) t;
            }
        }
        return null;
    }

    static String message(CelEvaluationException e) {
        RuntimeException lib = libraryCause(e);
        if (lib != null) {
            return lib.getMessage();
        }
        String m = POSITION.matcher(e.getMessage() == null ? "" : e.getMessage()).replaceFirst("");
        CelErrorCode code = e.getErrorCode();
        if (code == CelErrorCode.ATTRIBUTE_NOT_FOUND) {
            Matcher f = FIELD.matcher(m);
            return "no such key: " + (f.find() ? (f.group(1) != null ? f.group(1) : f.group(2)) : m);
        }
        if (code == CelErrorCode.DIVIDE_BY_ZERO) {
            return m.startsWith("%") ? "modulus by zero" : "division by zero";
        }
        if (code == CelErrorCode.INDEX_OUT_OF_BOUNDS) {
            Matcher i = INDEX.matcher(m);
            return i.find() ? "index out of bounds: " + i.group(1) : m;
        }
        if (code == CelErrorCode.OVERLOAD_NOT_FOUND) {
            return "no such overload";
        }
        return m;
    }
}
