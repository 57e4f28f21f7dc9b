package io.injectordoctor.certs;

import java.time.Duration;
import java.time.Instant;

/** Where a certificate stands in time, for one role ("caBundle", "root", "served leaf", ...). */
public record Validity(String role, String sha256, String subject, Status status, Instant notBefore,
        Instant notAfter, long daysLeft) {

    public enum Status { VALID, NOT_YET_VALID, EXPIRED, EXPIRING_SOON }

    /**
     * Evaluates {@code id} at {@code now}; EXPIRING_SOON when fewer than {@code warning} remain.
     * {@code daysLeft} is negative once expired.
     */
    public static Validity of(String role, CertIdentity id, Instant now, Duration warning) {
        Status status;
        if (now.isBefore(id.notBefore())) {
            status = Status.NOT_YET_VALID;
        } else if (now.isAfter(id.notAfter())) {
            status = Status.EXPIRED;
        } else if (Duration.between(now, id.notAfter()).compareTo(warning) < 0) {
            status = Status.EXPIRING_SOON;
        } else {
            status = Status.VALID;
        }
        long days = Math.floorDiv(Duration.between(now, id.notAfter()).toSeconds(), 86_400L);
        return new Validity(role, id.sha256(), id.subject(), status, id.notBefore(), id.notAfter(), days);
    }

    public String describe() {
        return switch (status) {
            case VALID -> "valid until " + notAfter;
            case NOT_YET_VALID -> "not valid before " + notBefore;
            case EXPIRED -> "expired on " + notAfter;
            case EXPIRING_SOON -> "expires on " + notAfter + " (" + daysLeft + " days left)";
        };
    }
}
