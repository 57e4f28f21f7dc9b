package io.injectordoctor.report;

import java.time.Instant;
import java.util.List;

/**
 * The result of check-certs: the root, one report per injection hook, and the findings.
 * {@code success} is false when at least one finding is an ERROR. {@code partial} is true when the API
 * server failed to give something check-certs reads; {@code notRead} says what (with the HTTP status
 * and the path): what needed it was not checked.
 */
public record CertReport(boolean success, boolean partial, List<String> notRead, String cluster, String istioNamespace,
        Instant checkedAt, long expiryWarningDays, RootReport root, List<HookReport> hooks, List<CertFinding> findings) {
    public CertReport {
        hooks = List.copyOf(hooks);
        findings = List.copyOf(findings);
        notRead = List.copyOf(notRead);
        if (partial != !notRead.isEmpty()) {
            throw new IllegalArgumentException("a report is partial exactly when something was not read");
        }
    }

    public static CertReport of(String cluster, String istioNamespace, Instant checkedAt, long expiryWarningDays,
            RootReport root, List<HookReport> hooks, List<CertFinding> findings) {
        boolean ok = findings.stream().noneMatch(f -> f.severity() == CertFinding.Severity.ERROR);
        return new CertReport(ok, false, List.of(), cluster, istioNamespace, checkedAt, expiryWarningDays, root, hooks,
                findings);
    }

    /** The same report, saying what could not be read. */
    public CertReport withNotRead(List<String> reasons) {
        return new CertReport(success, !reasons.isEmpty(), reasons, cluster, istioNamespace, checkedAt, expiryWarningDays,
                root, hooks, findings);
    }

    /** True when at least one finding is an ERROR. */
    public boolean failed() {
        return !success;
    }
}
