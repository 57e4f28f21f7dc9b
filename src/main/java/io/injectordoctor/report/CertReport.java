package io.injectordoctor.report;

import java.time.Instant;
import java.util.List;

/**
 * The result of check-certs: the root, one report per injection hook, and the findings.
 * {@code success} is false when at least one finding is an ERROR.
 */
public record CertReport(boolean success, String cluster, String istioNamespace, Instant checkedAt,
        long expiryWarningDays, RootReport root, List<HookReport> hooks, List<CertFinding> findings) {
    public CertReport {
        hooks = List.copyOf(hooks);
        findings = List.copyOf(findings);
    }

    public static CertReport of(String cluster, String istioNamespace, Instant checkedAt, long expiryWarningDays,
            RootReport root, List<HookReport> hooks, List<CertFinding> findings) {
        boolean ok = findings.stream().noneMatch(f -> f.severity() == CertFinding.Severity.ERROR);
        return new CertReport(ok, cluster, istioNamespace, checkedAt, expiryWarningDays, root, hooks, findings);
    }

    /** True when at least one finding is an ERROR. */
    public boolean failed() {
        return !success;
    }
}
