package io.injectordoctor.checks.pods;

import io.injectordoctor.cluster.ClusterSnapshot;
import io.injectordoctor.cluster.ResourceKind;
import io.injectordoctor.decision.AdmissionOutcome;
import io.injectordoctor.decision.Decision;
import io.injectordoctor.decision.InjectionSubject;
import io.injectordoctor.decision.ReasonCode;
import io.injectordoctor.decision.ReferenceInjector;
import io.injectordoctor.model.PodInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The pods whose reference verdict disagrees with what they run, from the decision engine. Only
 * those are kept: a whole cluster's decisions would hold a trace per pod for nothing. Pods whose
 * namespace is unknown, or whose injector config is missing or unreadable, get no verdict: the
 * injector-config checks own that; nor do pods the API server would refuse now or whose admission
 * cannot be decided (ID0202 and explain say why).
 */
final class PodVerdicts {
    static final Set<ResourceKind> READS = Set.of(ResourceKind.NAMESPACE, ResourceKind.POD,
            ResourceKind.MUTATING_WEBHOOK_CONFIGURATION, ResourceKind.CONFIGMAP);

    private PodVerdicts() {
    }

    record Verdict(PodInfo pod, Decision decision) {
    }

    /**
     * ID0601 and ID0602 read the same mismatches; a snapshot is immutable, so they are worked out
     * once per snapshot instead of once per check (a whole cluster is one decision per pod).
     */
    private static final Map<ClusterSnapshot, List<Verdict>> VERDICTS =
            java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

    static List<Verdict> mismatches(ClusterSnapshot snapshot) {
        return VERDICTS.computeIfAbsent(snapshot, PodVerdicts::decideAll);
    }

    private static List<Verdict> decideAll(ClusterSnapshot snapshot) {
        ReferenceInjector injector = ReferenceInjector.of(snapshot, null);
        List<Verdict> out = new ArrayList<>();
        Map<String, Optional<ReferenceInjector.PreparedNamespace>> prepared = new java.util.HashMap<>();
        for (PodInfo p : snapshot.pods()) {
            Optional<ReferenceInjector.PreparedNamespace> ns = prepared.computeIfAbsent(p.meta().namespace(),
                    n -> snapshot.namespace(n).map(info -> injector.prepare(info.effectiveLabels())));
            if (ns.isEmpty()) {
                continue;
            }
            Decision d = injector.decide(subject(p), ns.get());
            // A refused or undecided admission gives no verdict to hold the running pod against.
            boolean decided = d.admission() == AdmissionOutcome.CALLED || d.admission() == AdmissionOutcome.NOT_CALLED;
            if (decided && d.inject() != p.hasProxy() && !d.has(ReasonCode.INJECTOR_CONFIG_MISSING)
                    && !d.has(ReasonCode.INJECTOR_CONFIG_UNPARSEABLE)) {
                out.add(new Verdict(p, d));
            }
        }
        return List.copyOf(out);
    }

    static InjectionSubject subject(PodInfo p) {
        return InjectionSubject.of(p.meta().namespace(), p.meta(), p.spec().hostNetwork());
    }

    static String recreate(ClusterSnapshot snapshot, PodInfo pod) {
        return io.injectordoctor.cluster.PodRecreation.command(snapshot, pod);
    }
}
