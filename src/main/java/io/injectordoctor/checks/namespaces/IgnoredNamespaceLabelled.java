package io.injectordoctor.checks.namespaces;

import io.injectordoctor.mesh.IstioLayout;
import io.injectordoctor.checks.Check;
import io.injectordoctor.checks.CheckContext;
import io.injectordoctor.report.Finding;
import io.injectordoctor.checks.InjectionHooks;
import io.injectordoctor.report.Severity;
import io.injectordoctor.checks.Subjects;
import io.injectordoctor.cluster.ClusterSnapshot;
import io.injectordoctor.cluster.ResourceKind;
import io.injectordoctor.model.NamespaceInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * kube-system, kube-public, kube-node-lease or local-path-storage labelled for injection. The
 * injector never injects there; the label only makes the API server call the webhook, so an
 * injector outage can block system pods.
 */
public final class IgnoredNamespaceLabelled implements Check {
    
    @Override
    public String id() {
        return "ID0403";
    }


    @Override
    public List<Finding> run(CheckContext context) {
        ClusterSnapshot snapshot = context.snapshot();
        List<Finding> out = new ArrayList<>();
        for (NamespaceInfo ns : snapshot.namespaces()) {
            if (!InjectionHooks.IGNORED_NAMESPACES.contains(ns.name())) {
                continue;
            }
            String injection = ns.meta().labels().get(IstioLayout.INJECTION);
            String rev = ns.meta().labels().get(IstioLayout.REV);
            Map<String, Object> evidence = new LinkedHashMap<>();
            String label;
            if ("enabled".equals(injection)) {
                label = "istio-injection=enabled";
            } else if (rev != null && injection == null) {
                label = "istio.io/rev=" + rev;
            } else {
                continue;
            }
            evidence.put("label", label);
            out.add(new Finding(id(), Severity.WARNING, Subjects.namespace(ns.name()), "is labelled " + label
                    + ", but the injector never injects pods in " + ns.name()
                    + "; the label only puts its pods behind the webhook", evidence));
        }
        return out;
    }
}
