package io.injectordoctor.remedy.probe;

import io.injectordoctor.decision.AdmissionRules;
import io.injectordoctor.model.Webhook;
import io.injectordoctor.model.WebhookConfiguration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Finds the mutating hooks a dry-run pod create could reach although they may act on it: every
 * hook (Istio's or not) whose rules cover CREATE of core/v1 pods and whose sideEffects is not
 * None or NoneOnDryRun. Selectors are deliberately ignored: whether a hook is called is what the
 * probe is meant to find out, so a hook that could be called counts.
 */
public final class SideEffectHooks {
    private static final Set<String> SAFE = Set.of("None", "NoneOnDryRun");

    private SideEffectHooks() {
    }

    /** "configuration/hook (sideEffects: X)" for each hook that makes a dry run unsafe; empty when none. */
    public static List<String> blocking(List<WebhookConfiguration> configurations) {
        List<String> out = new ArrayList<>();
        for (WebhookConfiguration c : configurations) {
            for (Webhook h : c.webhooks()) {
                if (coversPodCreate(h.rules()) && (h.sideEffects() == null || !SAFE.contains(h.sideEffects()))) {
                    out.add(c.name() + "/" + h.name() + " (sideEffects: "
                            + (h.sideEffects() == null ? "unset" : h.sideEffects()) + ")");
                }
            }
        }
        return out;
    }

    /** The decision's rule matching ({@link AdmissionRules}); any match policy. */
    static boolean coversPodCreate(List<Webhook.Rule> rules) {
        return rules != null && AdmissionRules.coverPodCreate(rules, "Equivalent");
    }
}
