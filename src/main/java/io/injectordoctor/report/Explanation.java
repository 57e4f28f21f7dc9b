package io.injectordoctor.report;

import java.util.List;
import java.util.Map;

/**
 * The result of {@code explain} for one subject, shaped as the documented JSON contract
 * (docs/output-format.md, schemaVersion 2). Extra fields after the contract's are additive.
 */
public record Explanation(int schemaVersion, Subject subject, Injector injector, Reference reference,
        Observed observed, Boolean consistent, List<Finding> findings, List<String> likelyCauses,
        List<Advice> fix, List<String> notes) {
    public static final int SCHEMA_VERSION = 3;

    public record Subject(String kind, String namespace, String name) {
        public String display() {
            return kind.toLowerCase(java.util.Locale.ROOT) + "/" + name + (namespace == null ? "" : " in namespace " + namespace);
        }
    }

    public record Injector(String version, String rules, String revision, String versionSource, String configMap) {
    }

    /**
     * @param inject true or false; null when the admission outcome is unknown
     * @param admission "called", "not-called", "refused" or "unknown"
     * @param refusal the API server's answer when it refuses the CREATE, else null
     */
    public record Reference(Boolean inject, String admission, Refusal refusal, List<Webhook> webhooks,
            List<ReasonView> reasons, String decisive) {
    }

    /** @param matched whether the API server calls the hook: true, false, or null when unknown */
    public record Webhook(String configuration, String name, String revision, Boolean matched, String admission,
            boolean deactivated, List<String> evidence) {
    }

    /** What the API server answers a CREATE it refuses: HTTP status, Status reason and message, word for word. */
    public record Refusal(String code, String hook, int httpCode, String reason, String message) {
    }

    public record ReasonView(String code, String message, Map<String, Object> evidence) {
    }

    /** What is there now: istio-proxy as a container or native sidecar, and the status annotation. */
    public record Observed(boolean sidecar, boolean statusAnnotation, boolean nativeSidecar) {
    }

    /**
     * A finding of the check catalogue about the subject or what it depends on, exactly as
     * {@code check} reports it. {@code fix} is the finding's own commands (empty when it has none);
     * {@code remediation} the check's general fix; {@code doc} the command that prints the check's page.
     */
    public record Finding(String check, String severity, String subject, String message, String remediation,
            List<Advice> fix, Command doc) {
    }

    /** The one rule of every command: a finding at or above the threshold fails the run (INFO never does). */
    public boolean passes(Severity threshold) {
        return findings.stream().noneMatch(f -> Severity.valueOf(f.severity()).fails(threshold));
    }
}
