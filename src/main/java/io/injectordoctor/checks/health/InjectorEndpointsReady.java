package io.injectordoctor.checks.health;

import io.injectordoctor.checks.Check;
import io.injectordoctor.checks.CheckContext;
import io.injectordoctor.report.Advice;
import io.injectordoctor.report.Command;
import io.injectordoctor.report.Finding;
import io.injectordoctor.checks.InjectorService;
import io.injectordoctor.report.Severity;
import io.injectordoctor.checks.webhooks.WebhookServiceExists;
import io.injectordoctor.cluster.ClusterSnapshot;
import io.injectordoctor.cluster.ResourceKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The injector service's endpoints (Endpoints and EndpointSlices) on the hook's target port: none
 * at all, none ready (the API server then answers "no endpoints available for service"), or some
 * not ready.
 */
public final class InjectorEndpointsReady implements Check {
    
    @Override
    public String id() {
        return "ID0801";
    }



    /** Reads that show why the service has no ready endpoint: its endpoints and the pods it selects. */
    private static List<Advice> look(InjectorService s) {
        String ns = s.reference().namespace();
        Map<String, String> selector = s.service().selector();
        String sel = selector.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + "=" + e.getValue()).collect(java.util.stream.Collectors.joining(","));
        List<Advice> out = new ArrayList<>();
        out.add(Advice.run(Command.kubectl("get", "endpoints", s.reference().name()).inNamespace(ns)));
        if (!sel.isEmpty()) {
            out.add(Advice.run(Command.kubectl("get", "pods", "-l", sel).inNamespace(ns)));
        }
        return out;
    }

    @Override
    public List<Finding> run(CheckContext context) {
        List<Finding> out = new ArrayList<>();
        for (InjectorService.Called called : InjectorService.calledByActiveHooks(context)) {
            InjectorService s = called.service();
            if (!s.exists() || s.servicePort() == null) {
                continue;
            }
            Map<String, Object> evidence = s.evidence();
            List<Advice> look = look(s);
            if (s.sources().isEmpty()) {
                out.add(new Finding(id(), Severity.ERROR, s.subject(), "service " + s.qualifiedName()
                        + " has no Endpoints or EndpointSlice: the injector cannot be reached", evidence).withFix(look));
            } else if (s.sources().stream().allMatch(e -> e.addresses().isEmpty())) {
                out.add(new Finding(id(), Severity.ERROR, s.subject(), "service " + s.qualifiedName() + " has no endpoint "
                        + "address at all: no injector pod is ready, and the API server reports 'no endpoints available "
                        + "for service \"" + s.qualifiedName().substring(s.qualifiedName().indexOf('/') + 1) + "\"'",
                        evidence).withFix(look));
            } else if (s.readyAddresses().isEmpty() && s.notReadyAddresses().isEmpty()) {
                List<String> ports = s.sources().stream().flatMap(e -> e.ports().stream())
                        .map(p -> (p.name() == null ? "" : p.name() + "/") + p.port()).distinct().sorted().toList();
                out.add(new Finding(id(), Severity.ERROR, s.subject(), "no endpoint of " + s.qualifiedName()
                        + " serves target port " + s.targetPort() + " (endpoint ports: " + ports + ")", evidence).withFix(look));
            } else if (s.readyAddresses().isEmpty()) {
                out.add(new Finding(id(), Severity.ERROR, s.subject(), "no endpoint of " + s.qualifiedName() + " is ready ("
                        + s.notReadyAddresses().size() + " not ready): the API server reports no endpoints available", evidence).withFix(look));
            } else if (!s.notReadyAddresses().isEmpty()) {
                out.add(new Finding(id(), Severity.WARNING, s.subject(), s.readyAddresses().size() + " endpoint(s) of "
                        + s.qualifiedName() + " ready, " + s.notReadyAddresses().size() + " not ready", evidence).withFix(look));
            }
        }
        return out;
    }

}
