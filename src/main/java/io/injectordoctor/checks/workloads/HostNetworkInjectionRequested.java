package io.injectordoctor.checks.workloads;

import io.injectordoctor.mesh.InjectValue;
import io.injectordoctor.mesh.IstioLayout;
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
import java.util.Set;

/** A hostNetwork pod template that asks for the sidecar: the injector refuses before reading any label. */
public final class HostNetworkInjectionRequested implements Check {
    
    @Override
    public String id() {
        return "ID0503";
    }


    @Override
    public List<Finding> run(CheckContext context) {
        ClusterSnapshot snapshot = context.snapshot();
        List<Finding> out = new ArrayList<>();
        for (WorkloadInfo w : Workloads.topLevel(snapshot)) {
            if (w.templateSpec() == null || !w.templateSpec().hostNetwork() || w.templateMeta() == null) {
                continue;
            }
            ObjectMeta t = w.templateMeta();
            String request = null;
            if ("true".equals(InjectValue.effective(t.labels(), t.annotations()))) {
                request = IstioLayout.INJECT + "=true";
            } else if (t.labels().containsKey(IstioLayout.REV)) {
                request = IstioLayout.REV + "=" + t.labels().get(IstioLayout.REV);
            }
            if (request == null) {
                continue;
            }
            Map<String, Object> evidence = new LinkedHashMap<>();
            evidence.put("hostNetwork", true);
            evidence.put("request", request);
            out.add(new Finding(id(), Severity.WARNING, Workloads.subject(w), "asks for the sidecar (" + request
                    + ") but uses hostNetwork: true, so the injector never injects it", evidence));
        }
        return out;
    }
}
