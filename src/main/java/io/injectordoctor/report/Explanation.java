package io.injectordoctor.report;

import java.util.List;
import java.util.Map;

/**
 * The result of {@code explain} for one subject, shaped as the documented JSON contract
 * (docs/output-format.md, schemaVersion 3). Extra fields after the contract's are additive.
 *
 * @param sidecarMode how the injector adds istio-proxy when it injects: native or regular sidecar, and
 *     why; null when the reference does not inject
 */
public record Explanation(int schemaVersion, Subject subject, Injector injector, Reference reference,
        SidecarMode sidecarMode, Observed observed, Boolean consistent, List<Finding> findings, List<String> likelyCauses,
        List<Advice> fix, List<String> notes) {
    public static final int SCHEMA_VERSION = 3;

    /** The same explanation with more notes. */
    public Explanation withNotes(List<String> more) {
        if (more.isEmpty()) {
            return this;
        }
        List<String> all = new java.util.ArrayList<>(notes == null ? List.of() : notes);
        all.addAll(more);
        return new Explanation(schemaVersion, subject, injector, reference, sidecarMode, observed, consistent, findings,
                likelyCauses, fix, List.copyOf(all));
    }

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

    /**
     * @param matched whether the API server calls the hook: true, false, or null when unknown
     * @param tag the revision tag whose configuration holds the hook (it points at {@code revision}); null if none
     */
    public record Webhook(String configuration, String name, String revision, String tag, Boolean matched,
            String admission, boolean deactivated, List<String> evidence) {
    }

    /** What the API server answers a CREATE it refuses: HTTP status, Status reason and message, word for word. */
    public record Refusal(String code, String hook, int httpCode, String reason, String message) {
    }

    public record ReasonView(String code, String message, Map<String, Object> evidence) {
    }

    /**
     * What is there now. {@code sidecar}: istio-proxy runs as a container or native sidecar, whoever put
     * it there; {@code proxy}: which proxy it is ({@code sidecar}, {@code native-sidecar}, {@code gateway},
     * {@code mesh-infrastructure}, {@code none}); {@code builtIn}: for mesh infrastructure, which one
     * ({@code ztunnel}, {@code waypoint}, {@code gateway-api}, {@code east-west-gateway},
     * {@code legacy-gateway}); {@code dataplane}: who carries the pod's traffic ({@code sidecar},
     * {@code ambient}, {@code none}); {@code injectedRevision}: the revision its status annotation
     * records; {@code awaitingInjection}: istio-proxy still has {@code image: auto}.
     */
    public record Observed(boolean sidecar, boolean statusAnnotation, boolean nativeSidecar, String proxy, String builtIn,
            String dataplane, String injectedRevision, boolean awaitingInjection) {
    }

    /** @param mode {@code native}, {@code regular} or {@code unknown}; {@code because}: the rules that decided */
    public record SidecarMode(String mode, List<String> because) {
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
