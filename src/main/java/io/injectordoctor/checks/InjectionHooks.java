package io.injectordoctor.checks;

import io.injectordoctor.mesh.IstioLayout;
import io.injectordoctor.cluster.ClusterSnapshot;
import io.injectordoctor.mesh.RuleSet;
import io.injectordoctor.decision.WebhookMatcher;
import io.injectordoctor.model.Webhook;
import io.injectordoctor.model.WebhookConfiguration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Istio injection hooks of a snapshot: hooks whose name ends in {@code istio.io}, as istioctl
 * check-inject and Istio's analyzers identify them. Reading selectors here is shape, not matching:
 * which hook selects which namespace or pod is the decision engine's to say.
 */
public final class InjectionHooks {
    /** The injector's own exact list (pkg/kube/inject/initializer.go, since Istio 1.9). */
    public static final Set<String> IGNORED_NAMESPACES = Set.copyOf(RuleSet.ISTIO_1_27_PLUS.ignoredNamespaces());

    private InjectionHooks() {
    }

    /** One hook with the configuration it belongs to. */
    public record Hook(WebhookConfiguration configuration, Webhook webhook) {
        public String subject() {
            return Subjects.hook(configuration.name(), webhook.name());
        }

        public String name() {
            return webhook.name();
        }

        /** Rewritten to never match by {@code istioctl tag set default} (istio.io/deactivated: never-match). */
        public boolean deactivated() {
            return WebhookMatcher.evaluate(configuration, webhook, Map.of(), Map.of()).deactivated();
        }

        /** Whether its rules cover CREATE of v1 pods, as the decision engine reads them. */
        public boolean coversPodCreate() {
            return WebhookMatcher.evaluate(configuration, webhook, Map.of(), Map.of()).rulesMatch();
        }

        /** The revision it serves ("default" for the default install). */
        public String revision() {
            return WebhookMatcher.revisionOf(configuration, webhook);
        }

        /** Kubernetes v1 defaults an absent failurePolicy to Fail. */
        public String failurePolicy() {
            return webhook.failurePolicy() == null ? "Fail" : webhook.failurePolicy();
        }

        public Webhook.ServiceReference service() {
            return webhook.clientConfig() == null ? null : webhook.clientConfig().service();
        }
    }

    public static boolean isInjectionHook(Webhook w) {
        return WebhookMatcher.isInjectionHook(w);
    }

    public static List<Hook> all(ClusterSnapshot snapshot) {
        List<Hook> hooks = new ArrayList<>();
        for (WebhookConfiguration c : snapshot.webhookConfigurations()) {
            for (Webhook w : c.webhooks()) {
                if (isInjectionHook(w)) {
                    hooks.add(new Hook(c, w));
                }
            }
        }
        return hooks;
    }
}
