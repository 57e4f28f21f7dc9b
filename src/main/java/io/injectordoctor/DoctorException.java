package io.injectordoctor;

/**
 * An expected failure: bad input, an unreachable or refusing cluster. It carries the exit code the
 * user sees and a one-line message; the CLI prints no stack trace for it unless --debug is given.
 */
public class DoctorException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int exitCode;

    public DoctorException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public DoctorException(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
