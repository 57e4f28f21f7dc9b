package io.injectordoctor.checks.config;

import io.injectordoctor.checks.Check;
import io.injectordoctor.checks.CheckContext;
import io.injectordoctor.report.Finding;
import io.injectordoctor.report.Severity;
import io.injectordoctor.checks.webhooks.InjectionWebhookPresent;
import io.injectordoctor.cluster.ClusterSnapshot;
import io.injectordoctor.cluster.ResourceKind;
import io.injectordoctor.decision.InjectorConfig;
import io.injectordoctor.decision.InjectorInstall;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The {@code config} key of each needed injector ConfigMap parses as the injector reads it. */
public final class InjectorConfigParseable implements Check {
    
    @Override
    public String id() {
        return "ID0302";
    }



    @Override
    public List<Finding> run(CheckContext context) {
        InjectorInstall install = context.install();
        List<Finding> out = new ArrayList<>();
        for (InjectorConfigs.Needed n : InjectorConfigs.needed(context)) {
            Optional<InjectorConfig> config = install.config(n.namespace(), n.revision());
            if (config.isPresent() && !config.get().parsed()) {
                out.add(new Finding(id(), Severity.ERROR,
                        n.subject(),
                        config.get().parseError(), Map.of("revision", n.revision())));
            }
        }
        return out;
    }
}
