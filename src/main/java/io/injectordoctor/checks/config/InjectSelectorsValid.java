package io.injectordoctor.checks.config;

import io.injectordoctor.checks.Check;
import io.injectordoctor.checks.Finding;
import io.injectordoctor.checks.Severity;
import io.injectordoctor.checks.Subjects;
import io.injectordoctor.cluster.ClusterSnapshot;
import io.injectordoctor.cluster.ResourceKind;
import io.injectordoctor.injector.InjectorConfig;
import io.injectordoctor.injector.InjectorInstall;
import io.injectordoctor.injector.SelectorEvaluator;
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
        return Set.of(ResourceKind.MUTATING_WEBHOOK_CONFIGURATION, ResourceKind.CONFIGMAP);
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
            String subject = Subjects.of("ConfigMap", n.namespace(), InjectorInstall.configMapName(n.revision()));
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
