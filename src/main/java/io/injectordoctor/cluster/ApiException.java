package io.injectordoctor.cluster;

/** A failed API request: the HTTP status (0 when the server was not reached) and the server's message. */
public final class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int code;
    private final String method;
    private final String path;

    public ApiException(int code, String method, String path, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
        this.method = method;
        this.path = path;
    }

    public int code() {
        return code;
    }

    public String method() {
        return method;
    }

    public String path() {
        return path;
    }

    public boolean unreachable() {
        return code == 0;
    }
}
