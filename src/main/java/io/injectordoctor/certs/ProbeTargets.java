package io.injectordoctor.certs;

import io.injectordoctor.model.Webhook;
import io.injectordoctor.report.ProbeTarget;
import java.net.URI;

/** Where the API server sends a hook's reviews. */
public final class ProbeTargets {
    private ProbeTargets() {
    }

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

}
