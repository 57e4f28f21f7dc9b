package io.injectordoctor.decision;

import io.injectordoctor.model.LabelSelector;
import java.util.List;

/**
 * The parts of the injector's {@code config} (ConfigMap {@code istio-sidecar-injector[-rev]}) that
 * decide injection. {@code source} names the ConfigMap; {@code parseError} is set when the text does
 * not parse, in which case the other fields are empty.
 */
public record InjectorConfig(String source, String policy, List<LabelSelector> neverInjectSelector,
        List<LabelSelector> alwaysInjectSelector, String parseError) {
    public InjectorConfig {
        neverInjectSelector = neverInjectSelector == null ? List.of() : List.copyOf(neverInjectSelector);
        alwaysInjectSelector = alwaysInjectSelector == null ? List.of() : List.copyOf(alwaysInjectSelector);
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
