package io.injectordoctor.checks.namespaces;

import io.injectordoctor.mesh.IstioLayout;
import io.injectordoctor.mesh.MeshInfrastructure;
import io.injectordoctor.report.Advice;
import io.injectordoctor.report.Command;
import io.injectordoctor.checks.Check;
import io.injectordoctor.checks.CheckContext;
import io.injectordoctor.report.Finding;
import io.injectordoctor.checks.InjectionHooks;
import io.injectordoctor.report.Severity;
import io.injectordoctor.checks.Subjects;
import io.injectordoctor.checks.webhooks.InjectionWebhookPresent;
import io.injectordoctor.cluster.ClusterSnapshot;
import io.injectordoctor.cluster.ResourceKind;
import io.injectordoctor.model.LabelSelector;
import io.injectordoctor.model.NamespaceInfo;
import io.injectordoctor.model.Webhook;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which revision each labelled namespace asks for, and labels that ask for nothing: an
 * {@code istio-injection} value other than enabled/disabled, or an {@code istio.io/rev} naming a
 * revision or tag that no webhook configuration serves.
 */
public final class NamespaceRevisionLabel implements Check {
    
    @Override
    public String id() {
        return "ID0401";
    }



    /** One command per label that would opt the namespace in; none for the mesh's own namespaces. */
    private static List<Advice> relabel(ClusterSnapshot snapshot, String ns, List<String> labels) {
        if (MeshInfrastructure.namespace(ns, snapshot.istioNamespace())) {
            return List.of(Advice.say("namespace " + ns + " holds the mesh's or Kubernetes' own workloads: do not label it"
                    + " for injection"));
        }
        List<Advice> out = new ArrayList<>();
        if (labels.size() > 1) {
            out.add(Advice.say("one of these, for the revision the namespace should use:"));
        }
        labels.forEach(l -> out.add(Advice.run(Command.kubectl("label", "namespace", ns, l, "--overwrite"))));
        return out;
    }

    @Override
    public List<Finding> run(CheckContext context) {
        ClusterSnapshot snapshot = context.snapshot();
        Set<String> served = servedRevisions(context);
        List<Finding> out = new ArrayList<>();
        for (NamespaceInfo ns : snapshot.namespaces()) {
            Map<String, String> labels = ns.meta().labels();
            String injection = labels.get(IstioLayout.INJECTION);
            String rev = labels.get(IstioLayout.REV);
            String subject = Subjects.namespace(ns.name());
            Map<String, Object> evidence = new LinkedHashMap<>();
            if (injection != null) {
                evidence.put(IstioLayout.INJECTION, injection);
            }
            if (rev != null) {
                evidence.put(IstioLayout.REV, rev);
            }
            if ("enabled".equals(injection)) {
                out.add(new Finding(id(), Severity.INFO, subject, "labelled for the default revision (istio-injection=enabled)", evidence));
            } else if (injection != null && !"disabled".equals(injection)) {
                out.add(new Finding(id(), Severity.WARNING, subject, "istio-injection=" + quote(injection)
                        + " selects no hook: only 'enabled' opts in, so this namespace is opted out", evidence)
                        .withFix(relabel(snapshot, ns.name(), List.of(IstioLayout.INJECTION + "=enabled"))));
            } else if (injection == null && rev != null) {
                if (served.contains(rev)) {
                    out.add(new Finding(id(), Severity.INFO, subject, "labelled for revision " + quote(rev), evidence));
                } else {
                    evidence.put("servedRevisions", List.copyOf(served));
                    out.add(new Finding(id(), Severity.WARNING, subject, "istio.io/rev=" + quote(rev)
                            + " names no revision or tag that an injection webhook serves " + served, evidence)
                            .withFix(relabel(snapshot, ns.name(), served.stream().sorted()
                                    .map(r -> IstioLayout.REV + "=" + r).toList())));
                }
            }
        }
        return out;
    }

    /**
     * Revisions and tags the active hooks serve: their configuration's {@code istio.io/tag} (or
     * else {@code istio.io/rev}) label, and the values their selectors require of {@code istio.io/rev}.
     */
    static Set<String> servedRevisions(CheckContext context) {
        Set<String> served = new TreeSet<>();
        for (InjectionHooks.Hook h : context.activeHooks()) {
            Map<String, String> cfg = h.configuration().meta().labels();
            String label = cfg.getOrDefault(IstioLayout.TAG, cfg.get(IstioLayout.REV));
            if (label != null) {
                served.add(label);
            }
            Webhook w = h.webhook();
            for (LabelSelector s : new LabelSelector[] {w.namespaceSelector(), w.objectSelector()}) {
                if (s == null) {
                    continue;
                }
                if (s.matchLabels().containsKey(IstioLayout.REV)) {
                    served.add(s.matchLabels().get(IstioLayout.REV));
                }
                s.matchExpressions().stream()
                        .filter(r -> IstioLayout.REV.equals(r.key()) && "In".equals(r.operator()))
                        .forEach(r -> served.addAll(r.values()));
            }
        }
        return served;
    }

    private static String quote(String v) {
        return v.isEmpty() ? "\"\"" : v;
    }
}
