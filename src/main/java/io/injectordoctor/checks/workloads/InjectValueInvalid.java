package io.injectordoctor.checks.workloads;

import io.injectordoctor.mesh.InjectValue;
import io.injectordoctor.mesh.IstioLayout;
import io.injectordoctor.mesh.RuleSet;
import io.injectordoctor.checks.Check;
import io.injectordoctor.checks.CheckContext;
import io.injectordoctor.report.Finding;
import io.injectordoctor.checks.InjectionHooks;
import io.injectordoctor.report.Severity;
import io.injectordoctor.cluster.ClusterSnapshot;
import io.injectordoctor.cluster.ResourceKind;
import io.injectordoctor.model.ObjectMeta;
import io.injectordoctor.model.WorkloadInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The pod template's {@code sidecar.istio.io/inject}: a value other than "true" or "false" (Istio
 * 1.27+ falls back to the policy, 1.13-1.26 read "yes"/"on" as true and any other word as false),
 * a label and an annotation that disagree (the label wins), or the deprecated annotation alone.
 */
public final class InjectValueInvalid implements Check {
    
    @Override
    public String id() {
        return "ID0502";
    }


    @Override
    public List<Finding> run(CheckContext context) {
        ClusterSnapshot snapshot = context.snapshot();
        List<Finding> out = new ArrayList<>();
        for (WorkloadInfo w : Workloads.topLevel(snapshot)) {
            if (w.templateMeta() == null) {
                continue;
            }
            ObjectMeta t = w.templateMeta();
            String label = t.labels().get(IstioLayout.INJECT);
            String annotation = t.annotations().get(IstioLayout.INJECT);
            boolean hasLabel = t.labels().containsKey(IstioLayout.INJECT);
            String effective = InjectValue.effective(t.labels(), t.annotations());
            Map<String, Object> evidence = new LinkedHashMap<>();
            if (hasLabel) {
                evidence.put("label", label);
            }
            if (annotation != null) {
                evidence.put("annotation", annotation);
            }
            String subject = Workloads.subject(w);
            if (effective != null && !InjectValue.canonical(effective)) {
                String old = InjectValue.meaning(effective, RuleSet.ISTIO_1_13_TO_1_26) == InjectValue.Meaning.TRUE ? "as true" : "as false";
                out.add(new Finding(id(), Severity.WARNING, subject, "its template sets " + IstioLayout.INJECT + "="
                        + quote(effective) + ": Istio 1.27 and later ignore it and apply the namespace's policy, "
                        + "Istio 1.13 to 1.26 read it " + old, evidence));
            } else if (hasLabel && annotation != null && !Objects.equals(label, annotation)) {
                out.add(new Finding(id(), Severity.WARNING, subject, "its template has the label " + IstioLayout.INJECT
                        + "=" + quote(label) + " and the annotation =" + quote(annotation) + ": the label wins", evidence));
            } else if (!hasLabel && annotation != null) {
                out.add(new Finding(id(), Severity.INFO, subject, "its template uses the deprecated annotation "
                        + IstioLayout.INJECT + "=" + annotation
                        + "; the label does the same and is also seen by the webhook's objectSelector", evidence));
            }
        }
        return out;
    }

    private static String quote(String v) {
        return "\"" + v + "\"";
    }
}
