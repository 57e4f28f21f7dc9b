package io.injectordoctor.decision;

import io.injectordoctor.model.LabelSelector;
import io.injectordoctor.model.Webhook;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the API server checks in a hook before it stores a MutatingWebhookConfiguration, in its own
 * words (kubernetes pkg/apis/admissionregistration/validation/validation.go
 * {@code validateMutatingWebhook}: {@code validateRuleWithOperations}, {@code validateRule},
 * {@code validateResources}, failurePolicy and matchPolicy values, {@code validateMatchConditions};
 * apimachinery pkg/apis/meta/v1/validation {@code ValidateLabelSelector},
 * {@code ValidateLabelSelectorRequirement}, {@code ValidateLabels}). A hook with any of these
 * problems cannot be created or changed as it is; one stored before a rule was tightened (updates
 * keep invalid label values that were stored) still acts. A field of the wrong type could not be
 * decoded at all.
 */
public final class WebhookValidation {
    private static final Set<String> OPERATIONS = Set.of("*", "CREATE", "UPDATE", "DELETE", "CONNECT");

    private WebhookValidation() {
    }

    /** Every problem, as "webhooks[i].field: Type: detail", in the API server's order. */
    public static List<String> problems(Webhook h, int index) {
        String at = "webhooks[" + index + "]";
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, String> m : h.malformed().entrySet()) {
            out.add(at + "." + m.getKey() + ": is " + m.getValue() + "; the API server cannot even decode it");
        }
        for (int i = 0; i < h.rules().size(); i++) {
            rule(h.rules().get(i), at + ".rules[" + i + "]", out);
        }
        notSupported(h.failurePolicy(), List.of("Fail", "Ignore"), at + ".failurePolicy", out);
        notSupported(h.matchPolicy(), List.of("Equivalent", "Exact"), at + ".matchPolicy", out);
        selector(h.namespaceSelector(), at + ".namespaceSelector", out);
        selector(h.objectSelector(), at + ".objectSelector", out);
        matchConditions(h.matchConditions(), at + ".matchConditions", out);
        return out;
    }

    private static void notSupported(String value, List<String> supported, String path, List<String> out) {
        if (value != null && !supported.contains(value)) {
            out.add(path + ": Unsupported value: " + GoText.quote(value) + ": supported values: "
                    + String.join(", ", supported.stream().map(GoText::quote).toList()));
        }
    }

    /** validateRuleWithOperations and validateRule, with validateResources (sub-resources allowed). */
    private static void rule(Webhook.Rule r, String path, List<String> out) {
        if (r.operations().isEmpty()) {
            out.add(path + ".operations: Required value");
        }
        if (r.operations().size() > 1 && r.operations().contains("*")) {
            out.add(path + ".operations: Invalid value: " + GoText.json(r.operations())
                    + ": if '*' is present, must not specify other operations");
        }
        for (int i = 0; i < r.operations().size(); i++) {
            if (!OPERATIONS.contains(r.operations().get(i))) {
                out.add(path + ".operations[" + i + "]: Unsupported value: " + GoText.quote(r.operations().get(i))
                        + ": supported values: \"*\", \"CONNECT\", \"CREATE\", \"DELETE\", \"UPDATE\"");
            }
        }
        wildcardList(r.apiGroups(), path + ".apiGroups", "API groups", out);
        wildcardList(r.apiVersions(), path + ".apiVersions", "API versions", out);
        for (int i = 0; i < r.apiVersions().size(); i++) {
            if (r.apiVersions().get(i).isEmpty()) {
                out.add(path + ".apiVersions[" + i + "]: Required value");
            }
        }
        resources(r.resources(), path + ".resources", out);
        notSupported(r.scope(), List.of("*", "Cluster", "Namespaced"), path + ".scope", out);
    }

    private static void wildcardList(List<String> values, String path, String what, List<String> out) {
        if (values.isEmpty()) {
            out.add(path + ": Required value");
        }
        if (values.size() > 1 && values.contains("*")) {
            out.add(path + ": Invalid value: " + GoText.json(values) + ": if '*' is present, must not specify other " + what);
        }
    }

    private static void resources(List<String> resources, String path, List<String> out) {
        if (resources.isEmpty()) {
            out.add(path + ": Required value");
        }
        Set<String> withWildcardSub = new HashSet<>();
        Set<String> subWithWildcardRes = new HashSet<>();
        boolean doubleWildcard = false;
        boolean singleWildcard = false;
        boolean plain = false;
        for (int i = 0; i < resources.size(); i++) {
            String resSub = resources.get(i);
            if (resSub.isEmpty()) {
                out.add(path + "[" + i + "]: Required value");
                continue;
            }
            doubleWildcard |= resSub.equals("*/*");
            singleWildcard |= resSub.equals("*");
            int slash = resSub.indexOf('/');
            if (slash < 0) {
                plain = !resSub.equals("*");
                continue;
            }
            String res = resSub.substring(0, slash);
            String sub = resSub.substring(slash + 1);
            if (withWildcardSub.contains(res)) {
                out.add(path + "[" + i + "]: Invalid value: " + GoText.quote(resSub) + ": if '" + res
                        + "/*' is present, must not specify " + resSub);
            }
            if (subWithWildcardRes.contains(sub)) {
                out.add(path + "[" + i + "]: Invalid value: " + GoText.quote(resSub) + ": if '*/" + sub
                        + "' is present, must not specify " + resSub);
            }
            if (sub.equals("*")) {
                withWildcardSub.add(res);
            }
            if (res.equals("*")) {
                subWithWildcardRes.add(sub);
            }
        }
        if (resources.size() > 1 && doubleWildcard) {
            out.add(path + ": Invalid value: " + GoText.json(resources) + ": if '*/*' is present, must not specify other resources");
        }
        if (singleWildcard && plain) {
            out.add(path + ": Invalid value: " + GoText.json(resources)
                    + ": if '*' is present, must not specify other resources without subresources");
        }
    }

    /** ValidateLabelSelector: matchLabels keys and values, each requirement's operator, values and key. */
    private static void selector(LabelSelector s, String path, List<String> out) {
        if (s == null) {
            return;
        }
        for (Map.Entry<String, String> e : new java.util.TreeMap<>(s.matchLabels()).entrySet()) {
            LabelSyntax.labelKeyProblems(e.getKey()).forEach(m ->
                    out.add(path + ".matchLabels: Invalid value: " + GoText.quote(e.getKey()) + ": " + m));
            LabelSyntax.labelValueProblems(e.getValue()).forEach(m ->
                    out.add(path + ".matchLabels: Invalid value: " + GoText.quote(e.getValue()) + ": " + m));
        }
        for (int i = 0; i < s.matchExpressions().size(); i++) {
            LabelSelector.Requirement r = s.matchExpressions().get(i);
            String p = path + ".matchExpressions[" + i + "]";
            String op = r.operator() == null ? "" : r.operator();
            switch (op) {
                case "In", "NotIn" -> {
                    if (r.values().isEmpty()) {
                        out.add(p + ".values: Required value: must be specified when `operator` is 'In' or 'NotIn'");
                    }
                }
                case "Exists", "DoesNotExist" -> {
                    if (!r.values().isEmpty()) {
                        out.add(p + ".values: Forbidden: may not be specified when `operator` is 'Exists' or 'DoesNotExist'");
                    }
                }
                default -> out.add(p + ".operator: Invalid value: " + GoText.quote(op) + ": not a valid selector operator");
            }
            String key = r.key() == null ? "" : r.key();
            LabelSyntax.labelKeyProblems(key).forEach(m -> out.add(p + ".key: Invalid value: " + GoText.quote(key) + ": " + m));
            for (int v = 0; v < r.values().size(); v++) {
                String value = r.values().get(v);
                int vi = v;
                LabelSyntax.labelValueProblems(value).forEach(m ->
                        out.add(p + ".values[" + vi + "]: Invalid value: " + GoText.quote(value) + ": " + m));
            }
        }
    }

    /** validateMatchConditions: at most 64, each named (a qualified name, once) and with an expression that compiles. */
    private static void matchConditions(List<Webhook.MatchCondition> conditions, String path, List<String> out) {
        if (conditions.size() > 64) {
            out.add(path + ": Too many: " + conditions.size() + ": must have at most 64 items");
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < conditions.size(); i++) {
            Webhook.MatchCondition c = conditions.get(i);
            String p = path + "[" + i + "]";
            String expression = c.expression() == null ? "" : c.expression().strip();
            if (expression.isEmpty()) {
                out.add(p + ".expression: Required value");
            } else {
                String problem = ConditionEngines.cel().compileProblem(expression);
                if (problem != null) {
                    out.add(p + ".expression: Invalid value: " + GoText.quote(expression) + ": " + problem);
                }
            }
            String name = c.name() == null ? "" : c.name();
            if (name.isEmpty()) {
                out.add(p + ".name: Required value");
            } else {
                LabelSyntax.labelKeyProblems(name).forEach(m -> out.add(p + ".name: Invalid value: " + GoText.quote(name) + ": " + m));
                if (!names.add(name)) {
                    out.add(p + ".name: Duplicate value: " + GoText.quote(name));
                }
            }
        }
    }
}
