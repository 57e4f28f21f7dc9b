package io.injectordoctor.cluster;

import java.time.Duration;

/** The end of one request's time: none when the timeout is zero (kubectl's --request-timeout=0). */
final class Deadline {
    private final long endNanos;
    private final Duration timeout;

    private Deadline(long endNanos, Duration timeout) {
        this.endNanos = endNanos;
        this.timeout = timeout;
    }

    static Deadline after(Duration timeout) {
        return new Deadline(timeout.isZero() ? Long.MAX_VALUE : System.nanoTime() + timeout.toNanos(), timeout);
    }

    /** Stops a request whose answer is still arriving when its time is up. */
    void check(String path) {
        if (endNanos != Long.MAX_VALUE && System.nanoTime() - endNanos > 0) {
            throw new ApiException(0, "GET", path, "no complete answer within " + timeout.toSeconds() + "s", null);
        }
    }
}
