package io.injectordoctor.checks.webhooks;

import io.injectordoctor.checks.Check;
import io.injectordoctor.checks.CheckContext;
import io.injectordoctor.report.Finding;
import io.injectordoctor.checks.InjectionHooks;
import io.injectordoctor.report.Severity;
import io.injectordoctor.cluster.ClusterSnapshot;
import io.injectordoctor.cluster.ResourceKind;
import io.injectordoctor.model.Webhook;
import io.injectordoctor.model.WebhookConfiguration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** No MutatingWebhookConfiguration has a hook named "*istio.io": the API server never asks Istio. */
public final class InjectionWebhookPresent implements Check {
    
    @Override
    public String id() {
        return "ID0201";
    }


    @Override
    public List<Finding> run(CheckContext context) {
        ClusterSnapshot snapshot = context.snapshot();
        if (!context.hooks().isEmpty()) {
            return List.of();
        }
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("configurations", snapshot.webhookConfigurations().stream().map(WebhookConfiguration::name).toList());
        evidence.put("hooks", snapshot.webhookConfigurations().stream()
                .flatMap(c -> c.webhooks().stream()).map(Webhook::name).toList());
        return List.of(new Finding(id(), Severity.ERROR, "MutatingWebhookConfigurations",
                "no mutating webhook has a name ending in istio.io ("
                        + snapshot.webhookConfigurations().size() + " configurations read)", evidence));
    }
}
