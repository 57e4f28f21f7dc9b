package io.injectordoctor.certs;

import io.injectordoctor.report.CertIdentity;
import io.injectordoctor.report.Validity;
import io.injectordoctor.report.Validity.Status;
import java.time.Duration;
import java.time.Instant;

/** Where a certificate stands in time. */
public final class Validities {
    private Validities() {
    }

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

}
