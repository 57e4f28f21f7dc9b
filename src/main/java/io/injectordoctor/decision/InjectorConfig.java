package io.injectordoctor.decision;

import io.injectordoctor.model.LabelSelector;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The parts of the injector's {@code config} (ConfigMap {@code istio-sidecar-injector[-rev]}) that
 * decide injection. {@code source} names the ConfigMap; {@code parseError} is set when the text does
 * not parse, in which case the other fields are empty. {@code templates} are what the config says
 * about injection templates.
 */
public record InjectorConfig(String source, String policy, List<LabelSelector> neverInjectSelector,
        List<LabelSelector> alwaysInjectSelector, String parseError, Templates templates) {
    public InjectorConfig {
        neverInjectSelector = neverInjectSelector == null ? List.of() : List.copyOf(neverInjectSelector);
        alwaysInjectSelector = alwaysInjectSelector == null ? List.of() : List.copyOf(alwaysInjectSelector);
        templates = templates == null ? Templates.CHART_DEFAULT : templates;
    }

    public InjectorConfig(String source, String policy, List<LabelSelector> neverInjectSelector,
            List<LabelSelector> alwaysInjectSelector, String parseError) {
        this(source, policy, neverInjectSelector, alwaysInjectSelector, parseError, Templates.CHART_DEFAULT);
    }

    /**
     * The keys of {@code templates}, {@code defaultTemplates} (the chart's default is {@code [sidecar]})
     * and {@code aliases} (a name standing for a list of templates).
     */
    public record Templates(Set<String> names, List<String> defaults, Map<String, List<String>> aliases) {
        public static final Templates CHART_DEFAULT = new Templates(Set.of(), List.of("sidecar"), Map.of());

        public Templates {
            names = Set.copyOf(names);
            defaults = List.copyOf(defaults);
            aliases = Map.copyOf(aliases);
        }
    }

    public static final String ENABLED = "enabled";
    public static final String DISABLED = "disabled";

    public boolean parsed() {
        return parseError == null;
    }

    public boolean policyKnown() {
        return ENABLED.equals(policy) || DISABLED.equals(policy);
    }
}
