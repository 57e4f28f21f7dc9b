package io.injectordoctor.certs;

import io.injectordoctor.report.Validity;
import io.injectordoctor.report.CertIdentity;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ValidityTest {
    private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
    private static final Duration WINDOW = Duration.ofDays(30);

    @Test
    void classifiesEachSideOfTheWindow() {
        assertThat(status(NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(31)))).isEqualTo(Validity.Status.VALID);
        assertThat(status(NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(29)))).isEqualTo(Validity.Status.EXPIRING_SOON);
        assertThat(status(NOW.minus(Duration.ofDays(9)), NOW.minus(Duration.ofDays(2)))).isEqualTo(Validity.Status.EXPIRED);
        assertThat(status(NOW.plus(Duration.ofHours(2)), NOW.plus(Duration.ofDays(90)))).isEqualTo(Validity.Status.NOT_YET_VALID);
    }

    @Test
    void daysLeftIsNegativeOnceExpired() {
        CertIdentity id = CertIdentities.of(Pki.root("r", NOW.minus(Duration.ofDays(9)), NOW.minus(Duration.ofDays(2)))
                .certificate());
        Validity v = Validities.of("root", id, NOW, WINDOW);
        assertThat(v.daysLeft()).isEqualTo(-2);
        assertThat(v.describe()).startsWith("expired on ");
        Validity soon = Validities.of("root", CertIdentities.of(Pki.root("r", NOW, NOW.plus(Duration.ofDays(10).plusHours(1)))
                .certificate()), NOW, WINDOW);
        assertThat(soon.daysLeft()).isEqualTo(10);
        assertThat(soon.describe()).contains("10 days left");
    }

    private static Validity.Status status(Instant notBefore, Instant notAfter) {
        return Validities.of("root", CertIdentities.of(Pki.root("r", notBefore, notAfter).certificate()), NOW, WINDOW)
                .status();
    }
}
