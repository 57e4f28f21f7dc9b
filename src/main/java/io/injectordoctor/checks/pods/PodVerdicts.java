package io.injectordoctor.checks.pods;

import io.injectordoctor.cluster.ClusterSnapshot;
import io.injectordoctor.cluster.ResourceKind;
import io.injectordoctor.injector.Decision;
import io.injectordoctor.injector.InjectionSubject;
import io.injectordoctor.injector.ReasonCode;
import io.injectordoctor.injector.ReferenceInjector;
import io.injectordoctor.model.NamespaceInfo;
import io.injectordoctor.model.ObjectMeta;
import io.injectordoctor.model.OwnerRef;
import io.injectordoctor.model.PodInfo;
import io.injectordoctor.model.WorkloadInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The reference verdict for every pod whose namespace is known, from the decision engine. Pods
 * whose injector config is missing or unreadable get no verdict: the injector-config checks own that.
 */
final class PodVerdicts {
    static final Set<ResourceKind> READS = Set.of(ResourceKind.NAMESPACE, ResourceKind.POD,
            ResourceKind.MUTATING_WEBHOOK_CONFIGURATION, ResourceKind.CONFIGMAP);

    private PodVerdicts() {
    }

    record Verdict(PodInfo pod, Decision decision) {
    }

    /**
     * ID0601 and ID0602 read the same verdicts; a snapshot is immutable, so they are worked out once
     * per snapshot instead of once per check (a whole cluster is one decision per pod).
     */
    private static final Map<ClusterSnapshot, List<Verdict>> VERDICTS =
            java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

    static List<Verdict> all(ClusterSnapshot snapshot) {
        return VERDICTS.computeIfAbsent(snapshot, PodVerdicts::decideAll);
    }

    private static List<Verdict> decideAll(ClusterSnapshot snapshot) {
        ReferenceInjector injector = ReferenceInjector.of(snapshot, null);
        List<Verdict> out = new ArrayList<>();
        for (PodInfo p : snapshot.pods()) {
            Optional<NamespaceInfo> ns = snapshot.namespace(p.meta().namespace());
            if (ns.isEmpty()) {
                continue;
            }
            Decision d = injector.decide(subject(p), ns.get().effectiveLabels());
            if (!d.has(ReasonCode.INJECTOR_CONFIG_MISSING) && !d.has(ReasonCode.INJECTOR_CONFIG_UNPARSEABLE)) {
                out.add(new Verdict(p, d));
            }
        }
        return List.copyOf(out);
    }

    static InjectionSubject subject(PodInfo p) {
        return new InjectionSubject(p.meta().namespace(), p.meta().labels(), p.meta().annotations(), p.spec().hostNetwork());
    }

    /** The command that recreates the pod: a rollout restart of its top-level workload, else a delete. */
    static String recreate(ClusterSnapshot snapshot, PodInfo pod) {
        ObjectMeta m = pod.meta();
        String kind = null;
        String name = null;
        for (int depth = 0; depth < 3; depth++) {
            Optional<OwnerRef> owner = m.owners().stream().filter(OwnerRef::controller).findFirst();
            if (owner.isEmpty()) {
                break;
            }
            kind = owner.get().kind();
            name = owner.get().name();
            Optional<WorkloadInfo> w = snapshot.workload(kind, m.namespace(), name);
            if (w.isEmpty()) {
                break;
            }
            m = w.get().meta();
        }
        if (kind != null && Set.of("Deployment", "StatefulSet", "DaemonSet").contains(kind)) {
            return "kubectl -n " + pod.meta().namespace() + " rollout restart " + kind.toLowerCase() + "/" + name;
        }
        return "kubectl -n " + pod.meta().namespace() + " delete pod " + pod.meta().name()
                + (kind == null ? " (a bare pod: re-create it from its manifest)" : "");
    }
}
