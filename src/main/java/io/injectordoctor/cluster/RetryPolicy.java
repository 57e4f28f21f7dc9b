package io.injectordoctor.cluster;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * The one bounded retry policy of every request: at most {@value #ATTEMPTS} attempts; a read is
 * retried on 429 and 503, a write only on 429 (the server said it did nothing); the wait is the
 * server's Retry-After (seconds or an HTTP date) clamped to [0, {@link #MAX_WAIT}], so a negative,
 * absurd or overflowing value can neither spin nor hang.
 */
final class RetryPolicy {
    static final int ATTEMPTS = 3;
    static final Duration MAX_WAIT = Duration.ofSeconds(5);

    private RetryPolicy() {
    }

    static boolean retryable(String method, int code, int attempt) {
        if (attempt >= ATTEMPTS) {
            return false;
        }
        boolean read = method.equals("GET") || method.equals("HEAD");
        return code == 429 || (read && code == 503);
    }

    /** How long to wait before the next attempt. */
    static Duration wait(String retryAfter, int attempt, Instant now) {
        Duration fallback = clamp(Duration.ofMillis(200L * attempt));
        if (retryAfter == null || retryAfter.isBlank()) {
            return fallback;
        }
        String v = retryAfter.strip();
        if (v.matches("[-+]?[0-9]+")) {
            if (v.startsWith("-")) {
                return Duration.ZERO;
            }
            // More digits than a long holds is as absurd as any other huge value: wait the most we wait.
            String digits = v.startsWith("+") ? v.substring(1) : v;
            if (digits.length() > 12) {
                return MAX_WAIT;
            }
            return clamp(Duration.ofSeconds(Long.parseLong(digits)));
        }
        try {
            Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            return clamp(Duration.between(now, at));
        } catch (DateTimeParseException e) {
            return fallback;
        }
    }

    static Duration clamp(Duration d) {
        if (d.isNegative()) {
            return Duration.ZERO;
        }
        return d.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : d;
    }
}
