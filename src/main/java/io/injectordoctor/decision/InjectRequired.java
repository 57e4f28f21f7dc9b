package io.injectordoctor.decision;

import static io.injectordoctor.decision.Reason.evidence;

import io.injectordoctor.mesh.InjectValue;
import io.injectordoctor.mesh.IstioLayout;
import io.injectordoctor.mesh.RuleSet;
import io.injectordoctor.model.LabelSelector;
import java.util.ArrayList;
import java.util.List;

/**
 * Stage B: does the injector mutate the pod once it is called? A faithful model of istiod's
 * {@code injectRequired} (pkg/kube/inject/inject.go), version by version. The first decisive rule
 * wins; every rule looked at is traced.
 */
public final class InjectRequired {

    /** The outcome, the trace, and whether the verdict rested on an explicit request to inject. */
    public record Result(boolean inject, List<Reason> reasons, boolean explicitInjectIgnoredByPolicy) {
        public Result {
            reasons = List.copyOf(reasons);
        }
    }

    private InjectRequired() {
    }

    public static Result evaluate(InjectionSubject pod, InjectorConfig config, RuleSet rules) {
        List<Reason> trace = new ArrayList<>();
        if (pod.hostNetwork()) {
            trace.add(Reason.of(ReasonCode.HOST_NETWORK, evidence("hostNetwork", true)));
            return new Result(false, trace, false);
        }
        trace.add(Reason.lazy(ReasonCode.NOT_HOST_NETWORK, () -> evidence("hostNetwork", false)));

        String ns = pod.namespace() == null ? "" : pod.namespace();
        if (rules.ignoredNamespaces().contains(ns)) {
            trace.add(Reason.of(ReasonCode.IGNORED_NAMESPACE,
                    evidence("namespace", ns, "ignoredNamespaces", rules.ignoredNamespaces()),
                    ns, String.join(", ", rules.ignoredNamespaces())));
            return new Result(false, trace, false);
        }
        trace.add(Reason.lazy(ReasonCode.NAMESPACE_NOT_IGNORED,
                () -> evidence("namespace", ns, "ignoredNamespaces", rules.ignoredNamespaces()), ns));

        ExplicitChoice choice = explicitChoice(pod, rules, trace);
        boolean useDefault = choice.useDefault;
        boolean inject = choice.inject;
        boolean selectorDecided = false;

        if (useDefault) {
            LabelSelector never = firstMatch(config.neverInjectSelector(), "neverInjectSelector", pod, trace);
            if (never != null) {
                trace.add(Reason.of(ReasonCode.NEVER_INJECT_SELECTOR,
                        evidence("selector", SelectorEvaluator.describe(never), "podLabels", pod.labels()),
                        SelectorEvaluator.describe(never)));
                useDefault = false;
                inject = false;
                selectorDecided = true;
            }
        }
        if (useDefault) {
            LabelSelector always = firstMatch(config.alwaysInjectSelector(), "alwaysInjectSelector", pod, trace);
            if (always != null) {
                trace.add(Reason.of(ReasonCode.ALWAYS_INJECT_SELECTOR,
                        evidence("selector", SelectorEvaluator.describe(always), "podLabels", pod.labels()),
                        SelectorEvaluator.describe(always)));
                useDefault = false;
                inject = true;
                selectorDecided = true;
            }
        }
        if (useDefault && !selectorDecided && !(config.neverInjectSelector().isEmpty()
                && config.alwaysInjectSelector().isEmpty())) {
            trace.add(Reason.of(ReasonCode.NO_CONFIG_SELECTOR_MATCHED, evidence("podLabels", pod.labels())));
        }
        return applyPolicy(config, useDefault, inject, trace);
    }

    private static Result applyPolicy(InjectorConfig config, boolean useDefault, boolean inject, List<Reason> trace) {
        String policy = config.policy() == null ? "" : config.policy();
        switch (policy) {
            case InjectorConfig.ENABLED, InjectorConfig.DISABLED -> {
                boolean enabled = InjectorConfig.ENABLED.equals(policy);
                if (useDefault) {
                    trace.add(Reason.lazy(enabled ? ReasonCode.POLICY_ENABLED : ReasonCode.POLICY_DISABLED,
                            () -> evidence("policy", policy, "configMap", config.source())));
                    return new Result(enabled, trace, false);
                }
                trace.add(Reason.of(ReasonCode.POLICY_EXPLICIT, evidence("policy", policy, "inject", inject),
                        inject ? "inject" : "do not inject", policy));
                return new Result(inject, trace, false);
            }
            default -> {
                trace.add(Reason.of(ReasonCode.POLICY_ILLEGAL, evidence("policy", policy, "configMap", config.source()),
                        policy));
                boolean explicitTrue = !useDefault && inject;
                if (explicitTrue) {
                    trace.add(Reason.of(ReasonCode.SEED_RUNBOOK_DIFFERS, evidence("policy", policy,
                            "runbook", "unrecognized policy values default to disabled; an explicit true injects",
                            "injector", "an illegal policy disables injection for every pod"),
                            "\"injected\"",
                            "an unrecognised policy disables injection even for a pod that asks for it"));
                }
                return new Result(false, trace, explicitTrue);
            }
        }
    }

    private record ExplicitChoice(boolean useDefault, boolean inject) {
    }

    private static ExplicitChoice explicitChoice(InjectionSubject pod, RuleSet rules, List<Reason> trace) {
        String annotation = pod.annotations().get(IstioLayout.INJECT);
        boolean labelPresent = pod.labels().containsKey(IstioLayout.INJECT);
        String label = pod.labels().get(IstioLayout.INJECT);
        InjectValue read = InjectValue.read(pod.labels(), pod.annotations(), rules);
        if (read.fromLabel() && annotation != null && !annotation.equals(label)) {
            trace.add(Reason.of(ReasonCode.LABEL_HIDES_ANNOTATION,
                    evidence("label", label, "annotation", annotation), quoted(label), quoted(annotation)));
        } else if (!rules.labelOverridesAnnotation() && labelPresent) {
            trace.add(Reason.of(ReasonCode.ANNOTATION_ONLY_VERSION, evidence("label", label, "rules", rules.title()),
                    rules.title(), quoted(label)));
        }
        String value = read.value();
        if (read.meaning() == InjectValue.Meaning.ABSENT) {
            trace.add(Reason.lazy(ReasonCode.NO_INJECT_VALUE, () -> evidence("label", labelPresent ? label : null,
                    "annotation", annotation)));
            return new ExplicitChoice(true, false);
        }
        ReasonCode where = read.fromLabel() ? ReasonCode.INJECT_LABEL : ReasonCode.INJECT_ANNOTATION;
        Object[] ev = {read.fromLabel() ? "label" : "annotation", value};
        switch (read.meaning()) {
            case TRUE -> {
                trace.add(Reason.of(where, evidence(ev), quoted(value), "forces"));
                return new ExplicitChoice(false, true);
            }
            case IGNORED -> {
                trace.add(Reason.of(ReasonCode.INVALID_INJECT_VALUE, evidence(ev), quoted(value), rules.title(),
                        "it is ignored and the default policy decides"));
                return new ExplicitChoice(true, false);
            }
            case UNKNOWN_MEANS_FALSE -> trace.add(Reason.of(ReasonCode.INVALID_INJECT_VALUE, evidence(ev), quoted(value),
                    rules.title(), "any unrecognised value means do not inject"));
            default -> {
            }
        }
        trace.add(Reason.of(where, evidence(ev), quoted(value), "forbids"));
        return new ExplicitChoice(false, false);
    }

    private static LabelSelector firstMatch(List<LabelSelector> selectors, String field, InjectionSubject pod,
            List<Reason> trace) {
        for (LabelSelector s : selectors) {
            SelectorResult r = SelectorEvaluator.evaluate(s, pod.labels());
            if (!r.valid()) {
                trace.add(Reason.of(ReasonCode.INVALID_CONFIG_SELECTOR,
                        evidence("field", field, "selector", SelectorEvaluator.describe(s), "error", r.error()),
                        field, SelectorEvaluator.describe(s), r.error()));
                continue;
            }
            // istiod skips an empty selector: it would otherwise match every pod.
            if (!s.isEmpty() && r.matched()) {
                return s;
            }
        }
        return null;
    }

    static String quoted(String v) {
        return "\"" + v + "\"";
    }
}
