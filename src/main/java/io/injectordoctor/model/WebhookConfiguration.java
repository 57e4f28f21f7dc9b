package io.injectordoctor.model;

import java.util.List;

/** A MutatingWebhookConfiguration. */
public record WebhookConfiguration(String apiVersion, ObjectMeta meta, List<Webhook> webhooks) {
    public WebhookConfiguration {
        webhooks = webhooks == null ? List.of() : List.copyOf(webhooks);
    }

    public String name() {
        return meta.name();
    }
}
