package io.injectordoctor.decision.cel;

/**
 * An error a Kubernetes CEL function returns, in the words of its Go implementation (for example
 * "cannot convert value to integer"); the engine reports it as the evaluation error.
 */
final class LibraryError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    LibraryError(String message) {
        super(message, null, false, false);
    }
}
