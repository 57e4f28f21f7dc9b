package io.injectordoctor.checks.workloads;

import io.injectordoctor.mesh.IstioComponent;
import io.injectordoctor.mesh.IstioLayout;
import io.injectordoctor.checks.Check;
import io.injectordoctor.checks.CheckContext;
import io.injectordoctor.report.Finding;
import io.injectordoctor.checks.InjectionHooks;
import io.injectordoctor.report.Severity;
import io.injectordoctor.cluster.ClusterSnapshot;
import io.injectordoctor.cluster.ResourceKind;
import io.injectordoctor.model.ObjectMeta;
import io.injectordoctor.model.ProxyObservation;
import io.injectordoctor.model.WorkloadInfo;
import io.injectordoctor.mesh.MeshInfrastructure;
import io.injectordoctor.report.Advice;
import io.injectordoctor.report.Command;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * {@code sidecar.istio.io/inject} or {@code istio.io/rev} on a workload's own metadata, where Istio
 * never looks (runbook: "the deployment's metadata is ignored"), and not the same on its template.
 * Istio's own workloads are left out: its charts put {@code istio.io/rev} on them to say which
 * revision installed them (the istio-cni and ztunnel DaemonSets), which is not an injection setting.
 */
public final class InjectSettingOnWorkloadMetadata implements Check {
    private static final List<String> KEYS = List.of(IstioLayout.INJECT, IstioLayout.REV);

    @Override
    public String id() {
        return "ID0501";
    }


    /**
     * The template is what the injector reads: the fix removes the misleading key from the workload's
     * own metadata, which changes no pod. Whoever meant the metadata's value puts it on the template.
     */
    static List<Advice> fix(ClusterSnapshot snapshot, WorkloadInfo w, String where, String key, String value,
            String onTemplate) {
        String ns = w.meta().namespace();
        if (MeshInfrastructure.workload(ns, w.meta().labels(), snapshot.istioNamespace())) {
            return List.of(Advice.say("this workload belongs to the mesh: change it the way it was installed (istioctl or"
                    + " Helm values), not by hand"));
        }
        String ref = w.kind().toLowerCase(java.util.Locale.ROOT) + "/" + w.meta().name();
        List<Advice> out = new ArrayList<>();
        out.add(Advice.run(Command.kubectl("label".equals(where) ? "label" : "annotate", ref, key + "-").inNamespace(ns)));
        out.add(Advice.say("if its pods should have " + key + "=" + value + ", set it in the pod template"
                + " (spec.template.metadata.labels) of the manifest it comes from"
                + (onTemplate == null ? "" : ", where it now says " + onTemplate)));
        return out;
    }

    @Override
    public List<Finding> run(CheckContext context) {
        ClusterSnapshot snapshot = context.snapshot();
        List<Finding> out = new ArrayList<>();
        for (WorkloadInfo w : Workloads.topLevel(snapshot)) {
            ObjectMeta tpl = w.templateMeta() == null ? ObjectMeta.of(null, null) : w.templateMeta();
            if (w.templateSpec() != null && (ProxyObservation.ofTemplate(w).meshInfrastructure()
                    || IstioComponent.of(tpl.labels()).isPresent())) {
                continue;
            }
            for (String key : KEYS) {
                for (String where : List.of("label", "annotation")) {
                    Map<String, String> own = "label".equals(where) ? w.meta().labels() : w.meta().annotations();
                    if (!own.containsKey(key)) {
                        continue;
                    }
                    String value = own.get(key);
                    String onTemplate = tpl.labels().containsKey(key) ? tpl.labels().get(key) : tpl.annotations().get(key);
                    if (Objects.equals(value, onTemplate)) {
                        continue;
                    }
                    Map<String, Object> evidence = new LinkedHashMap<>();
                    evidence.put("metadata", where + " " + key + "=" + value);
                    evidence.put("template", onTemplate == null ? "(absent)" : key + "=" + onTemplate);
                    out.add(new Finding(id(), Severity.WARNING, Workloads.subject(w), "has the " + where + " " + key + "="
                            + value + " on its own metadata, which Istio ignores; "
                            + (onTemplate == null ? "its pod template does not carry it"
                                    : "its pod template says " + key + "=" + onTemplate), evidence)
                            .withFix(fix(snapshot, w, where, key, value, onTemplate)));
                }
            }
        }
        return out;
    }
}
