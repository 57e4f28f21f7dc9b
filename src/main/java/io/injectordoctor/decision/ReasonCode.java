package io.injectordoctor.decision;

/**
 * Every step of the decision that can be reported, with a stable code and one sentence. The
 * decision is data: renderers and checks work from these codes, not from prose.
 */
public enum ReasonCode {
    // Stage A: is the webhook called?
    NO_INJECTION_WEBHOOK("No MutatingWebhookConfiguration has an Istio injection hook, so the API server never calls an injector."),
    NO_HOOK_MATCHED("No injection hook selects this pod, so the API server never calls the injector; the closest is %s."),
    HOOK_MATCHED("Hook %s selects this pod: the API server calls the injector of revision %s."),
    MULTIPLE_HOOKS_MATCHED("%d injection hooks select this pod: it would be injected more than once, which breaks the pod."),
    SELECTOR_INVALID("Hook %s has a %s the API server cannot convert (%s): it fails every CREATE the hook applies to, so pods like this are not created."),
    MATCH_CONDITIONS_TRUE("Every matchCondition of hook %s is true."),
    MATCH_CONDITION_FALSE("Hook %s is not called: its matchCondition %s is false."),
    MATCH_CONDITION_ERROR("Hook %s: matchCondition %s cannot be evaluated (%s); with failurePolicy Fail the API server refuses the CREATE, so pods like this are not created."),
    MATCH_CONDITION_ERROR_IGNORED("Hook %s is skipped: matchCondition %s cannot be evaluated (%s) and failurePolicy is Ignore."),
    MATCH_CONDITION_UNKNOWN("Whether hook %s is called cannot be decided here: matchCondition %s (%s): %s."),
    INJECTOR_CONFIG_MISSING("No injector ConfigMap %s exists: istiod serves no injector for this revision, and pod creation fails while failurePolicy is Fail."),
    INJECTOR_CONFIG_UNPARSEABLE("The injector ConfigMap %s does not parse (%s); istiod cannot load it."),

    // Stage B: does the injector inject?
    NOT_HOST_NETWORK("The pod does not use the host network."),
    NAMESPACE_NOT_IGNORED("Namespace %s is not one the injector ignores."),
    NO_INJECT_VALUE("The pod has neither a label nor an annotation sidecar.istio.io/inject: the default decides."),
    NO_CONFIG_SELECTOR_MATCHED("The pod matches no neverInjectSelector and no alwaysInjectSelector."),
    HOST_NETWORK("The pod uses the host network (hostNetwork: true); the injector never injects such pods."),
    IGNORED_NAMESPACE("Namespace %s is one the injector always ignores (%s)."),
    INJECT_LABEL("The pod label sidecar.istio.io/inject=%s %s injection."),
    INJECT_ANNOTATION("The pod annotation sidecar.istio.io/inject=%s %s injection."),
    LABEL_HIDES_ANNOTATION("The pod has both the label (%s) and the annotation (%s) sidecar.istio.io/inject; the label wins."),
    ANNOTATION_ONLY_VERSION("This injector (%s) reads only the annotation; the label sidecar.istio.io/inject=%s counts only for the webhook's objectSelector."),
    INVALID_INJECT_VALUE("sidecar.istio.io/inject=%s is not a valid value under %s rules: %s."),
    NEVER_INJECT_SELECTOR("The pod matches neverInjectSelector %s of the injector config."),
    ALWAYS_INJECT_SELECTOR("The pod matches alwaysInjectSelector %s of the injector config."),
    INVALID_CONFIG_SELECTOR("The %s entry %s is invalid and skipped by the injector: %s."),
    POLICY_ENABLED("The injector's default policy is enabled: pods without an explicit choice are injected."),
    POLICY_DISABLED("The injector's default policy is disabled: only pods that ask for it are injected."),
    POLICY_EXPLICIT("The explicit choice (%s) overrides the default policy (%s)."),
    TEMPLATES_SELECTED("The injector renders the template(s) %s for this pod (%s)."),
    TEMPLATE_NOT_FOUND("The injector of revision %s refuses the pod: it has no template \"%s\" (%s); the API server refuses the CREATE, so pods like this are not created."),
    POLICY_ILLEGAL("The injector's policy \"%s\" is neither enabled nor disabled: the injector disables auto injection for every pod, whatever the pod asks for."),

    // Notes that do not change the verdict.
    SEED_RUNBOOK_DIFFERS("The runbook's truth table says %s here, but the injector itself does not: %s."),
    VERSION_UNKNOWN("The injector's version is unknown; the current rules (%s) were applied. Use --istio-version to choose."),
    ALREADY_INJECTED("The pod already carries sidecar.istio.io/status; a re-injection strips and re-adds the sidecar.");

    private final String template;

    ReasonCode(String template) {
        this.template = template;
    }

    public String template() {
        return template;
    }

    public String format(Object... args) {
        return args.length == 0 ? template : String.format(template, args);
    }
}
