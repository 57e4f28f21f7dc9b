package io.injectordoctor.checks.webhooks;

import io.injectordoctor.checks.Check;
import io.injectordoctor.checks.CheckContext;
import io.injectordoctor.report.Finding;
import io.injectordoctor.checks.InjectionHooks;
import io.injectordoctor.report.Severity;
import io.injectordoctor.cluster.ClusterSnapshot;
import io.injectordoctor.cluster.ResourceKind;
import io.injectordoctor.decision.SelectorEvaluator;
import io.injectordoctor.model.Webhook;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reports each active hook's scope (opt-in or opt-out, for namespaces and for pods), and warns
 * about shapes that surprise: a hook that selects every pod in every namespace, a hook whose rules
 * never cover the creation of pods, an operator the API server does not know.
 */
public final class WebhookSelectorShape implements Check {
    
    @Override
    public String id() {
        return "ID0202";
    }



    @Override
    public List<Finding> run(CheckContext context) {
        ClusterSnapshot snapshot = context.snapshot();
        List<Finding> out = new ArrayList<>();
        for (InjectionHooks.Hook h : context.activeHooks()) {
            Webhook w = h.webhook();
            SelectorShape ns = SelectorShape.of(w.namespaceSelector());
            SelectorShape obj = SelectorShape.of(w.objectSelector());
            Map<String, Object> evidence = new LinkedHashMap<>();
            evidence.put("namespaceSelector", SelectorShape.describe(w.namespaceSelector()));
            evidence.put("objectSelector", SelectorShape.describe(w.objectSelector()));
            evidence.put("namespaces", ns.name().toLowerCase().replace('_', '-'));
            evidence.put("pods", obj.name().toLowerCase().replace('_', '-'));
            String invalid = SelectorEvaluator.evaluate(w.namespaceSelector(), Map.of()).error();
            if (invalid == null) {
                invalid = SelectorEvaluator.evaluate(w.objectSelector(), Map.of()).error();
            }
            if (invalid != null) {
                out.add(new Finding(id(), Severity.WARNING, h.subject(), invalid
                        + "; the API server matches nothing with such a selector", evidence));
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

    private static String rule(Webhook.Rule r) {
        return String.join(",", r.operations()) + " " + String.join(",", r.apiGroups()) + "/"
                + String.join(",", r.apiVersions()) + " " + String.join(",", r.resources());
    }
}
