package io.injectordoctor.checks.events;

import io.injectordoctor.mesh.IstioLayout;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The causes of a pod CREATE that an injection webhook failed, told apart by the API server's error
 * text, each with its next step and its section of docs/webhook-errors.md. First match wins, so the
 * more specific classes come first: the injector's own denials (its error follows "denied the
 * request", and a YAML error in it may say EOF or timeout) before the failed calls, and a proxy that
 * refuses the connection before the injector.
 */
public enum AdmissionError {
    TEMPLATE_NOT_FOUND("the pod names an injection template the injector does not have",
            "failed to run injection template: requested template \"[^\"]*\" not found",
            "fix inject.istio.io/templates in the pod template (the message lists the templates the injector has), or add "
                    + "the template to sidecarInjectorWebhook.templates of that revision"),
    INVALID_ANNOTATION("the injector rejects an annotation of the pod (proxy.istio.io/config and others)",
            "invalid value '(?s:.*)' for annotation '[^']+'|failed to convert to apply proxy config|failed to process pod: ",
            "correct the annotation the message names in the pod template: proxy.istio.io/config must be a ProxyConfig in "
                    + "YAML or JSON (kubectl -n <namespace> get deploy <name> -o yaml shows it)"),
    TEMPLATE_FAILED("the injection template failed to render (values or version skew)",
            "failed to run injection template|executing \"inject\"|Mismatched_Check_Installation|failed to parse values\\.yaml"
                    + "|failed applying injection overlay|failed parsing generated injected YAML",
            "a gateway chart, injector ConfigMap or custom template from another Istio version than istiod: install the "
                    + "charts of istiod's version (helm list -A; the image tag of istiod), then re-create the pods; "
                    + "istiod's log says 'Pod injection failed'"),
    NATIVE_SIDECAR_UNSUPPORTED("the injected native sidecar is not accepted by the cluster",
            "may not be set for init containers without restartPolicy=Always",
            "the pod was injected with istio-proxy as a native sidecar (an init container with restartPolicy Always), and "
                    + "the API server dropped or refused restartPolicy (Kubernetes before 1.29, the SidecarContainers gate off, "
                    + "or another webhook rewrote the pod): set sidecar.istio.io/nativeSidecar: \"false\" on the pod "
                    + "template, or ENABLE_NATIVE_SIDECARS=false on istiod, until the cluster runs native sidecars"),
    UNKNOWN_AUTHORITY("certificate signed by unknown authority", "x509: certificate signed by unknown authority",
            "compare the hook's caBundle with the injector's root certificate (injector-doctor check-certs); if they "
                    + "differ, restart the injector (injector-doctor restart-injector) so that it patches the bundle again"),
    CERTIFICATE_EXPIRED("certificate expired or not yet valid", "certificate has expired or is not yet valid",
            "check the dates of the injector's serving certificate (injector-doctor check-certs) and the clocks of the "
                    + "control plane; restart the injector to have the certificate issued again"),
    CERTIFICATE_WRONG_NAME("certificate issued for another name",
            "certificate is valid for|certificate is not valid for any names|doesn't contain any IP SANs",
            "the serving certificate does not name the service the hook calls: compare its names (injector-doctor "
                    + "check-certs) with clientConfig.service, <name>.<namespace>.svc"),
    NO_ENDPOINTS("no endpoints available", "no endpoints available for service",
            // The namespace is not known here: the checks of the injector's health print the commands.
            "the injector has no ready pod: read its pods, endpoints, logs and description (check's ID0801 and"
                    + " ID0802 give the commands with the real names)"),
    SERVICE_NOT_FOUND("service not found", "service \"[^\"]*\" not found",
            "the hook calls a service that does not exist: fix clientConfig.service or reinstall the control plane"),
    NO_SUCH_HOST("service name not resolved", "no such host",
            "the API server cannot resolve the service's name: check clientConfig.service and the control plane's DNS"),
    PROXY("an HTTP proxy in the way", "(?i)proxyconnect|proxy error|proxy authentication",
            "the API server sends webhook calls through an HTTP proxy: add .svc, .cluster.local and the service CIDR to "
                    + "its NO_PROXY"),
    TIMEOUT("timeout or context deadline exceeded",
            "(?i)context deadline exceeded|client\\.timeout|i/o timeout|timed out|\\btimeout\\b(?!=)",
            "the API server could not reach the injector in time: allow the control plane to reach the injector's "
                    + "target port (15017 for istiod; a firewall rule on private clusters), check NetworkPolicies and "
                    + "the injector's load"),
    CONNECTION_REFUSED("connection refused", "connection refused",
            "nothing listens on the target port: compare the service's targetPort with the injector's container port "
                    + "and check that the injector has started"),
    EOF("connection closed (EOF)", "\\bEOF\\b",
            "the connection was cut during the call: the injector restarted or crashed (check its restarts and logs), "
                    + "or something in the path ends TLS"),
    OTHER("other failure", "",
            "read the full message and the injector's logs");

    private static final Pattern WEBHOOK = Pattern.compile("webhook \"([^\"]+)\"");

    private final String title;
    private final Pattern pattern;
    private final String nextStep;

    AdmissionError(String title, String regex, String nextStep) {
        this.title = title;
        this.pattern = Pattern.compile(regex);
        this.nextStep = nextStep;
    }

    public String title() {
        return title;
    }

    public String nextStep() {
        return nextStep;
    }

    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /** Its section of the documentation, as findings name it. */
    public String doc() {
        return "docs/webhook-errors.md#" + code();
    }

    /** Raised by the injector itself (it answered and denied), or by the pod it produced: not a failed call. */
    public boolean byInjector() {
        return this == TEMPLATE_NOT_FOUND || this == INVALID_ANNOTATION || this == TEMPLATE_FAILED
                || this == NATIVE_SIDECAR_UNSUPPORTED;
    }

    public static AdmissionError classify(String message) {
        for (AdmissionError e : values()) {
            if (e != OTHER && e.pattern.matcher(message).find()) {
                return e;
            }
        }
        return OTHER;
    }

    /** The injection webhook a failure message names ("failed calling [admission] webhook \"x.istio.io\""). */
    public static Optional<String> injectionWebhook(String message) {
        if (message == null) {
            return Optional.empty();
        }
        Matcher m = WEBHOOK.matcher(message);
        while (m.find()) {
            if (IstioLayout.isInjectionHook(m.group(1))) {
                return Optional.of(m.group(1));
            }
        }
        return Optional.empty();
    }

    /**
     * Whether a failure message is about injection: it names an injection webhook, or it is the API
     * server's validation refusing an injected native sidecar (that message names no webhook).
     */
    public static boolean aboutInjection(String message) {
        return message != null && (injectionWebhook(message).isPresent()
                || NATIVE_SIDECAR_UNSUPPORTED.pattern.matcher(message).find());
    }

    /** The finding text: what failed, why, and what to do next. */
    String describe(String hook, String count) {
        String by = this == NATIVE_SIDECAR_UNSUPPORTED ? "pod creation rejected by the API server's validation of the injected pod"
                : byInjector() ? "pod creation denied by the injector behind webhook " + hook
                : "pod creation rejected by webhook " + hook;
        return count + by + ": " + title + ". Next: " + nextStep + "."
                + (byInjector() ? " See: injector-doctor docs webhook-errors#" + code() : "");
    }
}
