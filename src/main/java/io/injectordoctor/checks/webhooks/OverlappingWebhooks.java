package io.injectordoctor.checks.webhooks;

import io.injectordoctor.checks.CheckContext;
import io.injectordoctor.checks.PodCheck;
import io.injectordoctor.checks.Subjects;
import io.injectordoctor.decision.Decision;
import io.injectordoctor.decision.HookEvaluation;
import io.injectordoctor.decision.InjectionSubject;
import io.injectordoctor.decision.ReasonCode;
import io.injectordoctor.model.NamespaceInfo;
import io.injectordoctor.model.PodInfo;
import io.injectordoctor.report.Finding;
import io.injectordoctor.report.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Double injection: more than one injection hook selects a pod that the injector then mutates.
 * Asked of the decision engine for a pod without labels in each namespace (one finding for the
 * namespace), then for each pod of the other namespaces whose own labels make the difference.
 */
public final class OverlappingWebhooks implements PodCheck {
    @Override
    public String id() {
        return "ID0205";
    }

    @Override
    public List<Finding> run(CheckContext context) {
        List<Finding> out = new ArrayList<>();
        for (NamespaceInfo ns : context.snapshot().namespaces()) {
            List<String> hooks = doubled(context.decide(ns.name(), new InjectionSubject(ns.name(), Map.of(), Map.of(), false)));
            if (!hooks.isEmpty()) {
                out.add(new Finding(id(), Severity.ERROR, Subjects.namespace(ns.name()), hooks.size()
                        + " injection hooks select a pod without labels here, so it is injected more than once: " + hooks,
                        Map.of("hooks", hooks)));
            }
        }
        out.addAll(PodCheck.super.run(context));
        return out;
    }

    /** A pod of a namespace not already reported, whose labels bring in a second hook. */
    @Override
    public List<Finding> judge(CheckContext context, PodInfo pod) {
        if (flaggedNamespaces(context).contains(pod.meta().namespace())) {
            return List.of();
        }
        List<String> hooks = doubled(context.decide(pod));
        if (hooks.isEmpty()) {
            return List.of();
        }
        return List.of(new Finding(id(), Severity.ERROR, Subjects.of("Pod", pod.meta()), "is selected by " + hooks.size()
                + " injection hooks, so it is injected more than once: " + hooks, Map.of("hooks", hooks)));
    }

    private Set<String> flaggedNamespaces(CheckContext context) {
        return context.shared(OverlappingWebhooks.class, () -> {
            Set<String> flagged = new TreeSet<>();
            for (NamespaceInfo ns : context.snapshot().namespaces()) {
                if (!doubled(context.decide(ns.name(), new InjectionSubject(ns.name(), Map.of(), Map.of(), false))).isEmpty()) {
                    flagged.add(ns.name());
                }
            }
            return flagged;
        });
    }

    private static List<String> doubled(Decision d) {
        if (!d.inject() || !d.has(ReasonCode.MULTIPLE_HOOKS_MATCHED)) {
            return List.of();
        }
        return d.matchedHooks().stream().map(HookEvaluation::qualifiedName).toList();
    }
}
