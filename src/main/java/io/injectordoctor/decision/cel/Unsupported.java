package io.injectordoctor.decision.cel;

/**
 * A function the API server has that injector-doctor does not evaluate (the authorizer, which
 * only the API server can ask, or a library not implemented here). A condition that reaches one
 * is reported as unknown, naming the function, never as true or false.
 */
final class Unsupported extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Unsupported(String function, String why) {
        super(function + " is not supported by injector-doctor: " + why, null, false, false);
    }
}
