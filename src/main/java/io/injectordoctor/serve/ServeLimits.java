package io.injectordoctor.serve;

import java.time.Duration;

/**
 * What one client may hold of the server. A connection is a thread while it is open, so their number
 * is capped; each wait on a client has a deadline, so that a stalled client gives its place back.
 *
 * @param maxConnections open connections at most; at the cap, the one waiting longest on its client
 *                       (for its handshake, its request or its next request) is closed for the newcomer,
 *                       and only when every connection is busy answering is the newcomer refused
 * @param clientTimeout  the TLS handshake, and then each whole request (head and body), must arrive
 *                       within this; so must a response be taken
 * @param idleTimeout    a kept-alive connection waits this long for its next request
 */
public record ServeLimits(int maxConnections, Duration clientTimeout, Duration idleTimeout) {
    public ServeLimits {
        if (maxConnections < 1) {
            throw new IllegalArgumentException("maxConnections must be at least 1");
        }
    }

    /** 64 connections; 10 s for a handshake or a request (the API server's webhook timeout is 10 s); 90 s idle. */
    public static ServeLimits defaults() {
        return new ServeLimits(64, Duration.ofSeconds(10), Duration.ofSeconds(90));
    }
}
