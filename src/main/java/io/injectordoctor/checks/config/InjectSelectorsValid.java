package io.injectordoctor.checks.config;

import io.injectordoctor.checks.Check;
import io.injectordoctor.checks.Finding;
import io.injectordoctor.checks.Severity;
import io.injectordoctor.cluster.ClusterSnapshot;
import io.injectordoctor.cluster.ResourceKind;
import io.injectordoctor.decision.InjectorConfig;
import io.injectordoctor.decision.SelectorEvaluator;
import io.injectordoctor.model.LabelSelector;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * neverInjectSelector and alwaysInjectSelector entries the injector cannot use: an invalid one is
 * logged and skipped, an empty one never matches. Either way the entry does nothing.
 */
public final class InjectSelectorsValid implements Check {
    public static final String ID = "ID0304";

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
            String subject = n.subject();
            check(out, subject, "neverInjectSelector", config.neverInjectSelector());
            check(out, subject, "alwaysInjectSelector", config.alwaysInjectSelector());
        }
        return out;
    }

    private static void check(List<Finding> out, String subject, String field, List<LabelSelector> selectors) {
        for (int i = 0; i < selectors.size(); i++) {
            LabelSelector s = selectors.get(i);
            String problem = s.isEmpty() ? "is empty, and an empty selector never matches here"
                    : SelectorEvaluator.evaluate(s, Map.of()).error();
            if (problem == null) {
                continue;
            }
            Map<String, Object> evidence = new LinkedHashMap<>();
            evidence.put("field", field);
            evidence.put("index", i);
            out.add(new Finding(ID, Severity.WARNING, subject, field + "[" + i + "] " + problem
                    + "; the injector skips it", evidence));
        }
    }
}
