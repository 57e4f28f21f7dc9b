package io.injectordoctor.checks.config;

import io.injectordoctor.checks.Check;
import io.injectordoctor.checks.Finding;
import io.injectordoctor.checks.Severity;
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
    public static final String ID = "ID0303";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Set<ResourceKind> reads() {
        return InjectorConfigs.READS;
    }

    @Override
    public List<String> prerequisites() {
        return List.of(InjectorConfigParseable.ID);
    }

    @Override
    public List<Finding> run(ClusterSnapshot snapshot) {
        List<Finding> out = new ArrayList<>();
        for (InjectorConfigs.Parsed parsed : InjectorConfigs.parsed(snapshot)) {
            InjectorConfigs.Needed n = parsed.needed();
            InjectorConfig config = parsed.config();
            String policy = config.policy();
            String subject = n.subject();
            Map<String, Object> evidence = new LinkedHashMap<>();
            evidence.put("policy", policy);
            evidence.put("revision", n.revision());
            if (InjectorConfig.ENABLED.equals(policy)) {
                out.add(new Finding(ID, Severity.INFO, subject, ReasonCode.POLICY_ENABLED.format(), evidence));
            } else if (InjectorConfig.DISABLED.equals(policy)) {
                out.add(new Finding(ID, Severity.INFO, subject, ReasonCode.POLICY_DISABLED.format(), evidence));
            } else {
                out.add(new Finding(ID, Severity.ERROR, subject, ReasonCode.POLICY_ILLEGAL.format(policy), evidence));
            }
        }
        return out;
    }
}
