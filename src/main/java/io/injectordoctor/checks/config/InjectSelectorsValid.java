package io.injectordoctor.checks.config;

import io.injectordoctor.checks.Check;
import io.injectordoctor.checks.CheckContext;
import io.injectordoctor.report.Finding;
import io.injectordoctor.report.Severity;
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
    
    @Override
    public String id() {
        return "ID0304";
    }



    @Override
    public List<Finding> run(CheckContext context) {
        List<Finding> out = new ArrayList<>();
        for (InjectorConfigs.Parsed parsed : InjectorConfigs.parsed(context)) {
            InjectorConfigs.Needed n = parsed.needed();
            InjectorConfig config = parsed.config();
            String subject = n.subject();
            check(out, subject, "neverInjectSelector", config.neverInjectSelector());
            check(out, subject, "alwaysInjectSelector", config.alwaysInjectSelector());
        }
        return out;
    }

    private void check(List<Finding> out, String subject, String field, List<LabelSelector> selectors) {
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
            out.add(new Finding(id(), Severity.WARNING, subject, field + "[" + i + "] " + problem
                    + "; the injector skips it", evidence));
        }
    }
}
