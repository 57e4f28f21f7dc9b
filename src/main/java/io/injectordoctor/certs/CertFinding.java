package io.injectordoctor.certs;

/**
 * One result of check-certs. {@code code} is stable (documented in docs/check-certs.md);
 * {@code subject} names the object ("mutatingwebhookconfiguration/istio-sidecar-injector hooks ...").
 */
public record CertFinding(String code, Severity severity, String subject, String message, String remediation) {
    public enum Severity { ERROR, WARNING, INFO }

    static CertFinding error(String code, String subject, String message, String remediation) {
        return new CertFinding(code, Severity.ERROR, subject, message, remediation);
    }

    static CertFinding warning(String code, String subject, String message, String remediation) {
        return new CertFinding(code, Severity.WARNING, subject, message, remediation);
    }

    static CertFinding info(String code, String subject, String message, String remediation) {
        return new CertFinding(code, Severity.INFO, subject, message, remediation);
    }
}
