package io.injectordoctor.checks.webhooks;

import io.injectordoctor.checks.Check;
import io.injectordoctor.checks.CheckContext;
import io.injectordoctor.report.Finding;
import io.injectordoctor.checks.InjectionHooks;
import io.injectordoctor.checks.InjectorService;
import io.injectordoctor.report.Severity;
import io.injectordoctor.cluster.ClusterSnapshot;
import io.injectordoctor.cluster.ResourceKind;
import io.injectordoctor.model.ServiceInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Active hooks that call a service which does not exist, or lacks the port the hook names. */
public final class WebhookServiceExists implements Check {
    
    @Override
    public String id() {
        return "ID0204";
    }



    @Override
    public List<Finding> run(CheckContext context) {
        List<Finding> out = new ArrayList<>();
        for (InjectionHooks.Hook h : context.activeHooks()) {
            if (h.service() == null) {
                String url = h.webhook().clientConfig() == null ? null : h.webhook().clientConfig().url();
                out.add(new Finding(id(), Severity.INFO, h.subject(), "calls the URL " + url
                        + ", not a service; its service and endpoints are not checked", Map.of("url", String.valueOf(url))));
            }
        }
        for (InjectorService.Called called : InjectorService.calledByActiveHooks(context)) {
            InjectorService s = called.service();
            int hooks = called.hooks().size();
            Map<String, Object> evidence = new LinkedHashMap<>();
            evidence.put("hooks", called.hookSubjects());
            if (!s.exists()) {
                out.add(new Finding(id(), Severity.ERROR, s.subject(), hooks + " injection hook(s) call service "
                        + s.qualifiedName() + ", which does not exist", evidence));
            } else if (s.servicePort() == null) {
                evidence.put("servicePorts", s.service().ports().stream().map(ServiceInfo.Port::port).toList());
                out.add(new Finding(id(), Severity.ERROR, s.subject(), "service " + s.qualifiedName() + " has no port "
                        + s.reference().portOrDefault() + ", which " + hooks + " injection hook(s) call", evidence));
            }
        }
        return out;
    }
}
