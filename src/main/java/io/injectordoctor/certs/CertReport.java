package io.injectordoctor.certs;

import java.time.Instant;
import java.util.List;

/** The result of check-certs: the root, one report per injection hook, and the findings. */
public record CertReport(String cluster, String istioNamespace, Instant checkedAt, long expiryWarningDays,
        RootReport root, List<HookReport> hooks, List<CertFinding> findings) {
    public CertReport {
        hooks = List.copyOf(hooks);
        findings = List.copyOf(findings);
    }

    /** True when at least one finding is an ERROR. */
    public boolean failed() {
        return findings.stream().anyMatch(f -> f.severity() == CertFinding.Severity.ERROR);
    }
}
