package io.injectordoctor.checks.config;

import io.injectordoctor.checks.Check;
import io.injectordoctor.checks.CheckContext;
import io.injectordoctor.report.Finding;
import io.injectordoctor.report.Severity;
import io.injectordoctor.checks.webhooks.InjectionWebhookPresent;
import io.injectordoctor.cluster.ClusterSnapshot;
import io.injectordoctor.cluster.ResourceKind;
import io.injectordoctor.decision.InjectorInstall;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Each revision the active hooks serve has its injector ConfigMap ({@code istio-sidecar-injector}
 * or {@code istio-sidecar-injector-<rev>}). Without it istiod serves no injector, and the hook's
 * calls fail.
 */
public final class InjectorConfigPresent implements Check {
    
    @Override
    public String id() {
        return "ID0301";
    }



    @Override
    public List<Finding> run(CheckContext context) {
        InjectorInstall install = context.install();
        List<Finding> out = new ArrayList<>();
        for (InjectorConfigs.Needed n : InjectorConfigs.needed(context)) {
            if (install.configMap(n.namespace(), n.revision()).isPresent()) {
                continue;
            }
            Map<String, Object> evidence = new LinkedHashMap<>();
            evidence.put("revision", n.revision());
            evidence.put("hooks", n.hooks());
            out.add(new Finding(id(), Severity.ERROR,
                    n.subject(),
                    "ConfigMap " + n.configMap() + " does not exist: no injector is served for revision " + n.revision()
                            + ", which " + n.hooks().size() + " hook(s) call", evidence));
        }
        return out;
    }
}
