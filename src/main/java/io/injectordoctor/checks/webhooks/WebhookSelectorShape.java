package io.injectordoctor.checks.webhooks;

import io.injectordoctor.checks.Check;
import io.injectordoctor.checks.CheckContext;
import io.injectordoctor.report.Finding;
import io.injectordoctor.checks.InjectionHooks;
import io.injectordoctor.report.Severity;
import io.injectordoctor.cluster.ClusterSnapshot;
import io.injectordoctor.cluster.ResourceKind;
import io.injectordoctor.decision.SelectorConversion;
import io.injectordoctor.decision.WebhookValidation;
import io.injectordoctor.model.Webhook;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reports each hook's scope (opt-in or opt-out, for namespaces and for pods), and what is wrong
 * with it: a configuration the API server would refuse to store (an invalid selector, rule or
 * matchCondition, see {@link WebhookValidation}; an error, and where the selector cannot be
 * converted every pod CREATE the hook applies to fails), a hook that selects every pod in every
 * namespace, a hook whose rules never cover the creation of pods.
 */
public final class WebhookSelectorShape implements Check {
    @Override
    public String id() {
        return "ID0202";
    }



    @Override
    public List<Finding> run(CheckContext context) {
        List<Finding> out = new ArrayList<>();
        for (InjectionHooks.Hook h : context.hooks()) {
            Webhook w = h.webhook();
            List<String> storage = WebhookValidation.problems(w, h.configuration().webhooks().indexOf(w));
            if (h.deactivated() && storage.isEmpty()) {
                continue;
            }
            SelectorShape ns = SelectorShape.of(w.namespaceSelector());
            SelectorShape obj = SelectorShape.of(w.objectSelector());
            Map<String, Object> evidence = new LinkedHashMap<>();
            evidence.put("namespaceSelector", SelectorShape.describe(w.namespaceSelector()));
            evidence.put("objectSelector", SelectorShape.describe(w.objectSelector()));
            evidence.put("namespaces", ns.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
            evidence.put("pods", obj.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
            if (!storage.isEmpty()) {
                evidence.put("refusedBecause", storage);
                out.add(new Finding(id(), Severity.ERROR, h.subject(), refusedMessage(w, storage), evidence));
            } else if (!h.coversPodCreate()) {
                evidence.put("rules", w.rules().stream().map(WebhookSelectorShape::rule).toList());
                out.add(new Finding(id(), Severity.WARNING, h.subject(),
                        "its rules do not cover CREATE of v1 pods, so it never injects", evidence));
            } else if (ns == SelectorShape.ALL && obj == SelectorShape.ALL) {
                out.add(new Finding(id(), Severity.WARNING, h.subject(), "selects every pod in every namespace, "
                        + "kube-system included: an injector outage blocks or strips every pod creation", evidence));
            } else {
                out.add(new Finding(id(), Severity.INFO, h.subject(),
                        "selects " + ns.phrase("namespace") + " (" + SelectorShape.describe(w.namespaceSelector())
                                + ") and " + obj.phrase("pod") + " (" + SelectorShape.describe(w.objectSelector()) + ")",
                        evidence));
            }
        }
        return out;
    }

    /** What the API server answers when the configuration is applied, and what a stored one does to pods. */
    private static String refusedMessage(Webhook w, List<String> storage) {
        StringBuilder m = new StringBuilder("the API server would refuse to store this configuration: ")
                .append(storage.get(0));
        if (storage.size() > 1) {
            m.append(" (and ").append(storage.size() - 1).append(" more)");
        }
        String conversion = SelectorConversion.error(w.namespaceSelector());
        conversion = conversion != null ? conversion : SelectorConversion.error(w.objectSelector());
        if (conversion != null) {
            m.append("; stored as it is, it fails every pod CREATE it applies to with an internal error (")
                    .append(conversion).append(")");
        }
        return m.toString();
    }

    private static String rule(Webhook.Rule r) {
        return String.join(",", r.operations()) + " " + String.join(",", r.apiGroups()) + "/"
                + String.join(",", r.apiVersions()) + " " + String.join(",", r.resources());
    }
}
