package io.injectordoctor.mutation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.injectordoctor.decision.InjectRequired;
import io.injectordoctor.decision.InjectionSubject;
import io.injectordoctor.decision.InjectorConfig;
import io.injectordoctor.decision.Reason;
import io.injectordoctor.decision.ReasonCode;
import io.injectordoctor.mesh.RuleSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The gate backed by the reference decision's Stage B ({@link InjectRequired}). */
public final class ReferenceGate implements InjectionGate {
    private static final Set<ReasonCode> NOTES = Set.of(ReasonCode.SEED_RUNBOOK_DIFFERS, ReasonCode.VERSION_UNKNOWN,
            ReasonCode.ALREADY_INJECTED);
    private static final Set<ReasonCode> EXPLICIT = Set.of(ReasonCode.INJECT_LABEL, ReasonCode.INJECT_ANNOTATION,
            ReasonCode.NEVER_INJECT_SELECTOR, ReasonCode.ALWAYS_INJECT_SELECTOR);

    private final InjectorConfig config;
    private final RuleSet rules;

    public ReferenceGate(InjectorConfig config, RuleSet rules) {
        this.config = config;
        this.rules = rules;
    }

    /**
     * What {@code istioctl kube-inject} applies: policy enabled, no never/always selectors, whatever
     * the configmap says.
     */
    public static ReferenceGate kubeInject(RuleSet rules) {
        return new ReferenceGate(new InjectorConfig("istioctl kube-inject (policy enabled)", InjectorConfig.ENABLED,
                List.of(), List.of(), null), rules);
    }

    @Override
    public GateResult decide(ObjectNode metadata, ObjectNode spec, String namespace) {
        InjectionSubject subject = new InjectionSubject(namespace, strings(metadata.path("labels")),
                strings(metadata.path("annotations")), spec.path("hostNetwork").asBoolean(false));
        InjectRequired.Result r = InjectRequired.evaluate(subject, config, rules);
        return new GateResult(r.inject(), decisive(r.reasons()));
    }

    /*
     * The last step decides; when that is "the explicit choice overrides the policy", the choice
     * itself (label, annotation or selector) is what a reader needs to see.
     */
    private static String decisive(List<Reason> trace) {
        for (int i = trace.size() - 1; i >= 0; i--) {
            Reason r = trace.get(i);
            if (NOTES.contains(r.code())) {
                continue;
            }
            if (r.code() == ReasonCode.POLICY_EXPLICIT) {
                for (int j = i - 1; j >= 0; j--) {
                    if (EXPLICIT.contains(trace.get(j).code())) {
                        return trace.get(j).message();
                    }
                }
            }
            return r.message();
        }
        return "no rule applied";
    }

    private static Map<String, String> strings(JsonNode map) {
        Map<String, String> out = new LinkedHashMap<>();
        map.properties().forEach(e -> out.put(e.getKey(), e.getValue().isNull() ? "" : e.getValue().asText()));
        return out;
    }
}
