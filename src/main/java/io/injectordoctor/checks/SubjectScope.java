package io.injectordoctor.checks;

import io.injectordoctor.cluster.ClusterSnapshot;
import io.injectordoctor.decision.Decision;
import io.injectordoctor.decision.HookEvaluation;
import io.injectordoctor.decision.ReferenceInjector;
import io.injectordoctor.mesh.IstioLayout;
import io.injectordoctor.model.ObjectMeta;
import io.injectordoctor.model.Webhook;
import io.injectordoctor.model.WebhookConfiguration;
import io.injectordoctor.model.WorkloadInfo;
import io.injectordoctor.report.Finding;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What a subject depends on, as the subjects of findings name it: the subject itself, the workloads
 * that own it or that it owns, its namespace, the injection hooks of the revisions that serve it
 * (those that select it, else the closest), their configurations, the injector of those revisions
 * (ConfigMap, Service, Deployment), and what concerns the whole cluster (permissions, the mesh root).
 * {@code explain} shows the catalogue's findings that fall in it.
 */
public final class SubjectScope implements Predicate<Finding> {
    /** Subjects that are not one object: they concern every subject of the cluster. */
    private static final Set<String> CLUSTER_WIDE = Set.of("Cluster", "Resource", "Check", "mesh");

    private final Set<String> subjects;

    private SubjectScope(Set<String> subjects) {
        this(subjects, null);
    }

    /** A pod, or a workload's pods: {@code kind} and {@code meta} name the subject itself. */
    public static SubjectScope of(ClusterSnapshot snapshot, String kind, ObjectMeta meta, Decision decision) {
        Set<String> s = new LinkedHashSet<>();
        s.add(Subjects.of(kind, meta));
        Owners.chain(snapshot, meta).forEach(w -> s.add(Subjects.of(w.kind(), w.meta())));
        snapshot.workload(kind, meta.namespace(), meta.name())
                .ifPresent(w -> Owners.owned(snapshot, w).forEach(o -> s.add(Subjects.of(o.kind(), o.meta()))));
        s.add(Subjects.namespace(meta.namespace()));
        controlPlane(snapshot, decision, s);
        return new SubjectScope(s);
    }

    /**
     * A namespace: itself, every object in it, and the control plane that serves a pod created
     * there without labels ({@code newPod} is that pod's decision).
     */
    public static SubjectScope ofNamespace(ClusterSnapshot snapshot, String namespace, Decision newPod) {
        Set<String> s = new LinkedHashSet<>();
        s.add(Subjects.namespace(namespace));
        controlPlane(snapshot, newPod, s);
        return new SubjectScope(s, namespace);
    }

    private final String namespace;

    private SubjectScope(Set<String> subjects, String namespace) {
        this.subjects = Set.copyOf(subjects);
        this.namespace = namespace;
    }

    @Override
    public boolean test(Finding f) {
        if (subjects.contains(f.subject())) {
            return true;
        }
        Subjects.Parsed p = Subjects.parse(f.subject());
        return CLUSTER_WIDE.contains(p.kind()) || (namespace != null && namespace.equals(p.namespace()));
    }

    public Set<String> subjects() {
        return subjects;
    }

    private static void controlPlane(ClusterSnapshot snapshot, Decision d, Set<String> out) {
        Set<String> revisions = new LinkedHashSet<>();
        List<HookEvaluation> matched = d.matchedHooks();
        if (!matched.isEmpty()) {
            matched.forEach(h -> revisions.add(h.revision()));
        } else if (!d.hooks().isEmpty()) {
            revisions.add(ReferenceInjector.closest(d.hooks()).revision());
        }
        for (WebhookConfiguration c : snapshot.webhookConfigurations()) {
            for (Webhook h : c.webhooks()) {
                if (!IstioLayout.isInjectionHook(h.name())) {
                    continue;
                }
                String rev = io.injectordoctor.decision.WebhookMatcher.revisionOf(c, h);
                if (!revisions.contains(rev)) {
                    continue;
                }
                out.add(Subjects.hook(c.name(), h.name()));
                out.add("MutatingWebhookConfiguration " + c.name());
                Webhook.ServiceReference svc = h.clientConfig() == null ? null : h.clientConfig().service();
                String ns = svc != null && svc.namespace() != null ? svc.namespace() : snapshot.istioNamespace();
                out.add(Subjects.of("ConfigMap", ns, IstioLayout.injectorConfigMap(rev)));
                if (svc != null) {
                    out.add(Subjects.of("Service", ns, svc.name()));
                }
                for (String dep : IstioLayout.injectorDeployments(svc == null ? null : svc.name(), rev)) {
                    snapshot.workload("Deployment", ns, dep).map(WorkloadInfo::meta)
                            .ifPresent(m -> out.add(Subjects.of("Deployment", m)));
                }
            }
        }
        for (var source : IstioLayout.rootSources(snapshot.istioNamespace())) {
            out.add(Subjects.of(source.kind() == io.injectordoctor.mesh.RootSource.Kind.SECRET ? "Secret" : "ConfigMap",
                    source.namespace(), source.name()));
        }
    }
}
