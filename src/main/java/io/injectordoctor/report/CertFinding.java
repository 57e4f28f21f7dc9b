package io.injectordoctor.report;

import java.util.List;

/**
 * One result of check-certs. {@code code} is stable (documented in docs/check-certs.md);
 * {@code subject} names the object ("mutatingwebhookconfiguration/istio-sidecar-injector ...") and
 * {@code hooks} the injection hooks it is about (empty for the root and whole configurations).
 */
public record CertFinding(String code, Severity severity, String subject, List<String> hooks, String message,
        String remediation) {
    public enum Severity { ERROR, WARNING, INFO }

    public CertFinding {
        hooks = hooks == null ? List.of() : List.copyOf(hooks);
    }

    public CertFinding withHooks(List<String> names) {
        return new CertFinding(code, severity, subject, names, message, remediation);
    }

    public static CertFinding error(String code, String subject, String message, String remediation) {
        return new CertFinding(code, Severity.ERROR, subject, List.of(), message, remediation);
    }

    public static CertFinding warning(String code, String subject, String message, String remediation) {
        return new CertFinding(code, Severity.WARNING, subject, List.of(), message, remediation);
    }

    public static CertFinding info(String code, String subject, String message, String remediation) {
        return new CertFinding(code, Severity.INFO, subject, List.of(), message, remediation);
    }
}
