package io.injectordoctor.checks.events;

import io.injectordoctor.mesh.IstioLayout;
import io.injectordoctor.checks.InjectionHooks;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The causes of a failed call to an injection webhook, told apart by the API server's error text,
 * each with its next step. First match wins, so the more specific classes come first (a proxy that
 * refuses the connection is the proxy's fault, not the injector's).
 */
public enum AdmissionError {
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

    /** The finding text: what failed, why, and what to do next. */
    String describe(String hook, String count) {
        return count + "pod creation rejected by webhook " + hook + ": " + title + ". Next: " + nextStep + ".";
    }
}
