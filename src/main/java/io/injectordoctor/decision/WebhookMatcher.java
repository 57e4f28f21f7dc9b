package io.injectordoctor.decision;

import io.injectordoctor.mesh.IstioLayout;
import io.injectordoctor.model.LabelSelector;
import io.injectordoctor.model.Webhook;
import io.injectordoctor.model.WebhookConfiguration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Stage A: which injection hooks the API server calls for a pod CREATE. Istio code plays no part
 * here: rules, namespaceSelector (namespace labels), objectSelector (pod labels) and the
 * matchConditions decide (see {@link ReferenceInjector} for the conditions).
 */
public final class WebhookMatcher {
    private WebhookMatcher() {
    }

    /** Hooks whose name ends in {@code istio.io}: how istioctl and the analyzers recognise injection hooks. */
    public static boolean isInjectionHook(Webhook hook) {
        return IstioLayout.isInjectionHook(hook.name());
    }

    /** Selectors and rules only: a hook with matchConditions comes out UNKNOWN unless they settle it first. */
    public static List<HookEvaluation> evaluateAll(List<WebhookConfiguration> configurations,
            Map<String, String> namespaceLabels, Map<String, String> podLabels) {
        List<HookEvaluation> out = new ArrayList<>();
        for (WebhookConfiguration c : configurations) {
            for (Webhook h : c.webhooks()) {
                if (isInjectionHook(h)) {
                    out.add(evaluate(c, h, namespaceLabels, podLabels));
                }
            }
        }
        return out;
    }

    public static HookEvaluation evaluate(WebhookConfiguration c, Webhook h, Map<String, String> namespaceLabels,
            Map<String, String> podLabels) {
        return new HookEvaluation(c.name(), h.name(), c.name() + "/" + h.name(), revisionOf(c, h),
                c.meta().labels().get(IstioLayout.TAG), isDeactivated(h), rulesCoverPodCreate(h),
                h.matchConditions().size(), new SelectorResult(new CompiledSelector(h.namespaceSelector(),
                        InjectionHook.malformed(h, "namespaceSelector")), namespaceLabels),
                new CompiledSelector(h.objectSelector(), InjectionHook.malformed(h, "objectSelector")), podLabels, null);
    }

    /** The revision a hook serves: the configuration's istio.io/rev label, else the service name's suffix. */
    public static String revisionOf(WebhookConfiguration c, Webhook h) {
        String svc = h.clientConfig() == null || h.clientConfig().service() == null ? null
                : h.clientConfig().service().name();
        return IstioLayout.revisionOf(c.meta().labels(), svc);
    }

    public static boolean isDeactivated(Webhook h) {
        return neverMatch(h.namespaceSelector()) || neverMatch(h.objectSelector());
    }

    private static boolean neverMatch(LabelSelector s) {
        return s != null && IstioLayout.isNeverMatch(s.matchLabels());
    }

    /** Whether the hook's rules select CREATE of core/v1 pods, under its matchPolicy ({@link AdmissionRules}). */
    public static boolean rulesCoverPodCreate(Webhook h) {
        return AdmissionRules.coverPodCreate(h.rules(), h.matchPolicy());
    }
}
