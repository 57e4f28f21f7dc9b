package io.injectordoctor.report;

import java.util.List;

/**
 * The mesh root the bundles are compared with: where it came from ({@code source} is null when no
 * source held a certificate), its certificates, runbook digest, validity and every source consulted.
 */
public record RootReport(String source, String kind, List<CertIdentity> certificates,
        RunbookDigest runbookDigest, List<Validity> validity, List<SourceAttempt> attempts) {
    public RootReport {
        certificates = List.copyOf(certificates);
        validity = List.copyOf(validity);
        attempts = List.copyOf(attempts);
    }
}
