package io.injectordoctor.report;

import java.util.List;

/** A hook's caBundle: its size, the runbook digest, the certificates in it and what is wrong with it. */
public record BundleReport(int base64Length, RunbookDigest runbookDigest, List<CertIdentity> certificates,
        List<BundleProblem> problems, List<Validity> validity) {
    public BundleReport {
        certificates = List.copyOf(certificates);
        problems = List.copyOf(problems);
        validity = List.copyOf(validity);
    }
}
