package io.injectordoctor.checks.webhooks;

import io.injectordoctor.checks.Check;
import io.injectordoctor.checks.Finding;
import io.injectordoctor.checks.Severity;
import io.injectordoctor.checks.Subjects;
import io.injectordoctor.cluster.ClusterSnapshot;
import io.injectordoctor.cluster.ResourceKind;
import io.injectordoctor.decision.Decision;
import io.injectordoctor.decision.HookEvaluation;
import io.injectordoctor.decision.InjectionSubject;
import io.injectordoctor.decision.ReasonCode;
import io.injectordoctor.decision.ReferenceInjector;
import io.injectordoctor.model.NamespaceInfo;
import io.injectordoctor.model.PodInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Double injection: more than one injection hook selects a pod that the injector then mutates.
 * Asked of the decision engine for a pod without labels in each namespace, then for each existing
 * pod whose labels make a difference; one finding per namespace and set of hooks.
 */
public final class OverlappingWebhooks implements Check {
    public static final String ID = "ID0205";
    private static final int MAX_PODS_LISTED = 5;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Set<ResourceKind> reads() {
        return Set.of(ResourceKind.MUTATING_WEBHOOK_CONFIGURATION, ResourceKind.NAMESPACE, ResourceKind.POD,
                ResourceKind.CONFIGMAP);
    }

    @Override
    public List<String> prerequisites() {
        return List.of(InjectionWebhookPresent.ID);
    }

    @Override
    public List<Finding> run(ClusterSnapshot snapshot) {
        ReferenceInjector injector = ReferenceInjector.of(snapshot, null);
        Map<List<String>, Set<String>> podsByNamespaceAndHooks = new LinkedHashMap<>();
        Set<String> flaggedNamespaces = new TreeSet<>();
        List<Finding> out = new ArrayList<>();
        for (NamespaceInfo ns : snapshot.namespaces()) {
            List<String> hooks = doubled(injector.decide(new InjectionSubject(ns.name(), Map.of(), Map.of(), false),
                    ns.effectiveLabels()));
            if (!hooks.isEmpty()) {
                flaggedNamespaces.add(ns.name());
                out.add(new Finding(ID, Severity.ERROR, Subjects.namespace(ns.name()), hooks.size()
                        + " injection hooks select a pod without labels here, so it is injected more than once: " + hooks,
                        Map.of("hooks", hooks)));
            }
        }
        for (PodInfo p : snapshot.pods()) {
            Optional<NamespaceInfo> ns = snapshot.namespace(p.meta().namespace());
            if (ns.isEmpty() || flaggedNamespaces.contains(ns.get().name())) {
                continue;
            }
            List<String> hooks = doubled(injector.decide(new InjectionSubject(p.meta().namespace(), p.meta().labels(),
                    p.meta().annotations(), p.spec().hostNetwork()), ns.get().effectiveLabels()));
            if (!hooks.isEmpty()) {
                List<String> key = new ArrayList<>(hooks);
                key.add(0, ns.get().name());
                podsByNamespaceAndHooks.computeIfAbsent(key, k -> new TreeSet<>()).add(p.meta().name());
            }
        }
        podsByNamespaceAndHooks.forEach((key, pods) -> {
            List<String> hooks = key.subList(1, key.size());
            Map<String, Object> evidence = new LinkedHashMap<>();
            evidence.put("hooks", List.copyOf(hooks));
            evidence.put("pods", pods.stream().limit(MAX_PODS_LISTED).toList());
            evidence.put("podCount", pods.size());
            out.add(new Finding(ID, Severity.ERROR, Subjects.namespace(key.get(0)), pods.size() + " pod(s) here, e.g. "
                    + pods.iterator().next() + ", are selected by " + hooks.size() + " injection hooks: " + hooks, evidence));
        });
        return out;
    }

    private static List<String> doubled(Decision d) {
        if (!d.inject() || !d.has(ReasonCode.MULTIPLE_HOOKS_MATCHED)) {
            return List.of();
        }
        return d.matchedHooks().stream().map(HookEvaluation::qualifiedName).toList();
    }
}
