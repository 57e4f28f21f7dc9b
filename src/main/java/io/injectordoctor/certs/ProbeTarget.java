package io.injectordoctor.certs;

import io.injectordoctor.model.Webhook;
import java.net.URI;

/**
 * Where the API server sends a hook's reviews, and the name it checks: {@code <service>.<namespace>.svc}
 * for a service reference, the URL's host otherwise.
 */
public record ProbeTarget(String serviceNamespace, String serviceName, int servicePort, String url, String dnsName) {

    public static ProbeTarget of(Webhook hook) {
        Webhook.ClientConfig cc = hook.clientConfig();
        if (cc != null && cc.service() != null) {
            Webhook.ServiceReference s = cc.service();
            return new ProbeTarget(s.namespace(), s.name(), s.portOrDefault(), null,
                    s.name() + "." + s.namespace() + ".svc");
        }
        String url = cc == null ? null : cc.url();
        String host = null;
        if (url != null) {
            try {
                host = URI.create(url).getHost();
            } catch (IllegalArgumentException e) {
                host = null;
            }
        }
        return new ProbeTarget(null, null, 0, url, host);
    }

    public boolean service() {
        return serviceName != null;
    }

    public String describe() {
        return service() ? "service " + serviceNamespace + "/" + serviceName + ":" + servicePort
                : "url " + (url == null ? "(none)" : url);
    }
}
