package io.injectordoctor.explain;

/**
 * The findings {@code explain} can raise, with their severity and remediation. Ids are shared with
 * the check catalogue, where each has its doc page.
 */
public enum ExplainFinding {
    SIDECAR_MISSING("IDR-POD-MISSING-SIDECAR", "ERROR",
            "Recreate the pod (restart its owner) so that the injector runs at creation."),
    SIDECAR_UNEXPECTED("IDR-POD-UNEXPECTED-SIDECAR", "ERROR",
            "Recreate the pod (restart its owner); if it should be injected, change the configuration instead."),
    DOUBLE_INJECTION("IDR-WEBHOOK-OVERLAP", "ERROR",
            "Keep one injection webhook per pod: deactivate or delete the overlapping configuration (istioctl tag, or remove the stale MutatingWebhookConfiguration)."),
    WORKLOAD_METADATA("IDR-WORKLOAD-METADATA-INJECT", "WARNING",
            "Move sidecar.istio.io/inject from the workload's own metadata to spec.template.metadata; Istio ignores the workload's metadata."),
    INJECTOR_CONFIG_MISSING("IDR-CONFIG-MISSING", "ERROR",
            "Reinstall the revision's control plane, or remove the webhook configuration that points at it."),
    INJECTOR_CONFIG_UNPARSEABLE("IDR-CONFIG-UNPARSEABLE", "ERROR",
            "Fix the 'config' key of the injector ConfigMap so that it is valid YAML, then restart istiod."),
    POLICY_ILLEGAL("IDR-CONFIG-POLICY", "WARNING",
            "Set policy to enabled or disabled in the injector ConfigMap (Helm value global.proxy.autoInject)."),
    NAMESPACE_MISSING("IDR-NAMESPACE-MISSING", "WARNING",
            "Create the namespace with the labels it needs before applying the manifest.");

    private final String id;
    private final String severity;
    private final String remediation;

    ExplainFinding(String id, String severity, String remediation) {
        this.id = id;
        this.severity = severity;
        this.remediation = remediation;
    }

    public String id() {
        return id;
    }

    public Explanation.Finding with(String message) {
        return new Explanation.Finding(id, severity, message, remediation);
    }
}
