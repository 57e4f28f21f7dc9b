package io.injectordoctor.certs;

import io.injectordoctor.report.RunbookDigest;
import io.injectordoctor.report.SourceAttempt;
import io.injectordoctor.mesh.RootSource;
import java.util.List;

/**
 * The result of looking for the mesh root: the source used (null when none gave a certificate),
 * its certificates, its runbook digest, and every source consulted in order.
 */
public record RootLookup(RootSource source, ParsedCertificates certificates, RunbookDigest runbookDigest,
        List<SourceAttempt> attempts) {
    public RootLookup {
        attempts = List.copyOf(attempts);
        certificates = certificates == null ? new ParsedCertificates(List.of(), List.of()) : certificates;
    }

    public boolean found() {
        return source != null;
    }
}
