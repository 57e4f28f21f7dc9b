package io.injectordoctor.model;

import java.util.List;
import java.util.Map;

/** A Kubernetes LabelSelector. Evaluation lives in the injector package, not here. */
public record LabelSelector(Map<String, String> matchLabels, List<Requirement> matchExpressions) {
    public LabelSelector {
        matchLabels = matchLabels == null ? Map.of() : Map.copyOf(matchLabels);
        matchExpressions = matchExpressions == null ? List.of() : List.copyOf(matchExpressions);
    }

    public boolean isEmpty() {
        return matchLabels.isEmpty() && matchExpressions.isEmpty();
    }

    /** One matchExpressions term; the operator is kept verbatim so that invalid ones can be reported. */
    public record Requirement(String key, String operator, List<String> values) {
        public Requirement {
            values = values == null ? List.of() : List.copyOf(values);
        }
    }
}
