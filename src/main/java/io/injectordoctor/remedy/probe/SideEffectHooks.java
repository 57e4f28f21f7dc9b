package io.injectordoctor.remedy.probe;

import io.fabric8.kubernetes.api.model.admissionregistration.v1.MutatingWebhook;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.MutatingWebhookConfiguration;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.RuleWithOperations;
import io.injectordoctor.decision.AdmissionRules;
import io.injectordoctor.model.Webhook;
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
    public static List<String> blocking(List<MutatingWebhookConfiguration> configurations) {
        List<String> out = new ArrayList<>();
        for (MutatingWebhookConfiguration c : configurations) {
            if (c.getWebhooks() == null) {
                continue;
            }
            for (MutatingWebhook h : c.getWebhooks()) {
                if (coversPodCreate(h.getRules())
                        && (h.getSideEffects() == null || !SAFE.contains(h.getSideEffects()))) {
                    out.add(c.getMetadata().getName() + "/" + h.getName() + " (sideEffects: "
                            + (h.getSideEffects() == null ? "unset" : h.getSideEffects()) + ")");
                }
            }
        }
        return out;
    }

    /** The decision's rule matching ({@link AdmissionRules}), on the fabric8 form of the rules; any match policy. */
    static boolean coversPodCreate(List<RuleWithOperations> rules) {
        if (rules == null) {
            return false;
        }
        List<Webhook.Rule> model = new ArrayList<>();
        for (RuleWithOperations r : rules) {
            model.add(new Webhook.Rule(r.getOperations(), r.getApiGroups(), r.getApiVersions(), r.getResources(), r.getScope()));
        }
        return AdmissionRules.coverPodCreate(model, "Equivalent");
    }
}
