package io.injectordoctor.cluster;

/**
 * A failed API request: the HTTP status (0 when no answer came) and the server's message.
 * {@link #badAnswer()} marks an answer that came but is not what was asked for (a 2xx whose body is
 * not the object or list, endless paging, a redirect); {@link #statusBody()} tells whether an error
 * came as the API's own Status object rather than, say, a proxy's HTML page.
 */
public final class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int code;
    private final String method;
    private final String path;
    private final boolean badAnswer;
    private final boolean statusBody;

    public ApiException(int code, String method, String path, String message, Throwable cause) {
        this(code, method, path, message, cause, false, false);
    }

    ApiException(int code, String method, String path, String message, Throwable cause, boolean badAnswer,
            boolean statusBody) {
        super(message, cause);
        this.code = code;
        this.method = method;
        this.path = path;
        this.badAnswer = badAnswer;
        this.statusBody = statusBody;
    }

    /** An answer that is not what was asked for: the server's data, not the request, is wrong. */
    static ApiException badAnswer(int code, String method, String path, String message) {
        return new ApiException(code, method, path, message, null, true, false);
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
        return code == 0 && !badAnswer;
    }

    public boolean badAnswer() {
        return badAnswer;
    }

    public boolean statusBody() {
        return statusBody;
    }
}
