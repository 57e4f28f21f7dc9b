package io.injectordoctor.checks.config;

import io.injectordoctor.checks.Check;
import io.injectordoctor.checks.CheckContext;
import io.injectordoctor.report.Finding;
import io.injectordoctor.report.Severity;
import io.injectordoctor.cluster.ClusterSnapshot;
import io.injectordoctor.cluster.ResourceKind;
import io.injectordoctor.decision.InjectorConfig;
import io.injectordoctor.decision.ReasonCode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The injector's default {@code policy}: enabled or disabled is reported, anything else is an
 * error, because the injector then disables injection for every pod, even pods that ask for it.
 */
public final class InjectorPolicyValid implements Check {
    
    @Override
    public String id() {
        return "ID0303";
    }



    @Override
    public List<Finding> run(CheckContext context) {
        List<Finding> out = new ArrayList<>();
        for (InjectorConfigs.Parsed parsed : InjectorConfigs.parsed(context)) {
            InjectorConfigs.Needed n = parsed.needed();
            InjectorConfig config = parsed.config();
            String policy = config.policy();
            String subject = n.subject();
            Map<String, Object> evidence = new LinkedHashMap<>();
            evidence.put("policy", policy);
            evidence.put("revision", n.revision());
            if (InjectorConfig.ENABLED.equals(policy)) {
                out.add(new Finding(id(), Severity.INFO, subject, ReasonCode.POLICY_ENABLED.format(), evidence));
            } else if (InjectorConfig.DISABLED.equals(policy)) {
                out.add(new Finding(id(), Severity.INFO, subject, ReasonCode.POLICY_DISABLED.format(), evidence));
            } else {
                out.add(new Finding(id(), Severity.ERROR, subject, ReasonCode.POLICY_ILLEGAL.format(policy), evidence));
            }
        }
        return out;
    }
}
