package io.injectordoctor.certs;

import io.injectordoctor.report.BundleProblem;
import io.injectordoctor.report.CertIdentity;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * The certificates found in a caBundle or a PEM text, in order, with what could not be used.
 */
public record ParsedCertificates(List<X509Certificate> certificates, List<BundleProblem> problems) {
    public ParsedCertificates {
        certificates = List.copyOf(certificates);
        problems = List.copyOf(problems);
    }

    public List<CertIdentity> identities() {
        return certificates.stream().map(CertIdentities::of).toList();
    }

    public boolean hasProblem(BundleProblem.Kind kind) {
        return problems.stream().anyMatch(p -> p.kind() == kind);
    }
}
