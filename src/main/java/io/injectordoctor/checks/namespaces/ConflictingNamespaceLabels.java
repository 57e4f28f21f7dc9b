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
import io.injectordoctor.cluster.ClusterSnapshot;
import io.injectordoctor.cluster.ResourceKind;
import io.injectordoctor.model.NamespaceInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A namespace with both {@code istio-injection} and {@code istio.io/rev}. Every revision hook
 * requires {@code istio-injection} to be absent, so the legacy label wins and the revision is ignored.
 */
public final class ConflictingNamespaceLabels implements Check {
    
    @Override
    public String id() {
        return "ID0402";
    }


    @Override
    public List<Finding> run(CheckContext context) {
        ClusterSnapshot snapshot = context.snapshot();
        List<Finding> out = new ArrayList<>();
        for (NamespaceInfo ns : snapshot.namespaces()) {
            String injection = ns.meta().labels().get(IstioLayout.INJECTION);
            String rev = ns.meta().labels().get(IstioLayout.REV);
            if (injection == null || rev == null) {
                continue;
            }
            Map<String, Object> evidence = new LinkedHashMap<>();
            evidence.put(IstioLayout.INJECTION, injection);
            evidence.put(IstioLayout.REV, rev);
            String effect = "enabled".equals(injection)
                    ? "pods are injected by the default revision, not by " + rev
                    : "no hook selects this namespace, whatever istio.io/rev says";
            out.add(new Finding(id(), Severity.WARNING, Subjects.namespace(ns.name()), "has istio-injection=" + injection
                    + " and istio.io/rev=" + rev + ": istio-injection wins, so " + effect, evidence)
                    .withFix(MeshInfrastructure.namespace(ns.name(), snapshot.istioNamespace())
                            ? List.of(Advice.say("namespace " + ns.name() + " holds the mesh's own workloads: change its"
                                    + " labels the way the mesh was installed"))
                            : List.of(Advice.run(Command.kubectl("label", "namespace", ns.name(),
                                    IstioLayout.INJECTION + "-")))));
        }
        return out;
    }
}
