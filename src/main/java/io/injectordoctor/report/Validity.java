package io.injectordoctor.report;

import java.time.Instant;

/** Where a certificate stands in time, for one role ("caBundle", "root", "served leaf", ...). */
public record Validity(String role, String sha256, String subject, Status status, Instant notBefore,
        Instant notAfter, long daysLeft) {

    public enum Status { VALID, NOT_YET_VALID, EXPIRED, EXPIRING_SOON }

    public String describe() {
        return switch (status) {
            case VALID -> "valid until " + notAfter;
            case NOT_YET_VALID -> "not valid before " + notBefore;
            case EXPIRED -> "expired on " + notAfter;
            case EXPIRING_SOON -> "expires on " + notAfter + " (" + daysLeft + " days left)";
        };
    }
}
