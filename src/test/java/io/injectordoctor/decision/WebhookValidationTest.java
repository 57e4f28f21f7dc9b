package io.injectordoctor.decision;

import static org.assertj.core.api.Assertions.assertThat;

import io.injectordoctor.model.LabelSelector;
import io.injectordoctor.model.LabelSelector.Requirement;
import io.injectordoctor.model.Webhook;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the API server refuses to store in a hook, with its messages: kubernetes
 * pkg/apis/admissionregistration/validation/validation.go ({@code validateMutatingWebhook},
 * {@code validateRuleWithOperations}, {@code validateRule}, {@code validateResources},
 * {@code validateMatchConditions}, {@code validateMatchCondition}) and apimachinery
 * pkg/apis/meta/v1/validation ({@code ValidateLabelSelector}, {@code ValidateLabelSelectorRequirement},
 * {@code ValidateLabels}, {@code ValidateLabelName}); field/errors.go for the wording.
 */
class WebhookValidationTest {
    static final Webhook.Rule PODS = new Webhook.Rule(List.of("CREATE"), List.of(""), List.of("v1"), List.of("pods"), null);

    static Webhook hook(List<Webhook.Rule> rules, LabelSelector ns, List<Webhook.MatchCondition> conditions, String failurePolicy) {
        return new Webhook("a.istio.io", rules, ns, null, null, failurePolicy, "None", null, null, null, List.of("v1"), conditions);
    }

    static Webhook selector(LabelSelector ns) {
        return hook(List.of(PODS), ns, List.of(), null);
    }

    static LabelSelector expr(String key, String op, String... values) {
        return new LabelSelector(Map.of(), List.of(new Requirement(key, op, List.of(values))));
    }

    static Webhook resources(String... resources) {
        return hook(List.of(new Webhook.Rule(List.of("CREATE"), List.of(""), List.of("v1"), List.of(resources), null)), null,
                List.of(), null);
    }

    static Webhook conditions(Webhook.MatchCondition... c) {
        return hook(List.of(PODS), null, List.of(c), null);
    }

    static Stream<Arguments> cases() {
        String nameRegex = "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an"
                + " alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is"
                + " '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
        return Stream.of(
                Arguments.of(selector(expr("istio-injection", "In", "enabled")), List.of()),
                Arguments.of(selector(expr("a", "In")), List.of("webhooks[0].namespaceSelector.matchExpressions[0].values:"
                        + " Required value: must be specified when `operator` is 'In' or 'NotIn'")),
                Arguments.of(selector(expr("a", "DoesNotExist", "x")), List.of("webhooks[0].namespaceSelector"
                        + ".matchExpressions[0].values: Forbidden: may not be specified when `operator` is 'Exists' or 'DoesNotExist'")),
                Arguments.of(selector(expr("a", "Equals", "x")), List.of("webhooks[0].namespaceSelector.matchExpressions[0]"
                        + ".operator: Invalid value: \"Equals\": not a valid selector operator")),
                Arguments.of(selector(expr("-a", "Exists")), List.of("webhooks[0].namespaceSelector.matchExpressions[0].key:"
                        + " Invalid value: \"-a\": " + nameRegex)),
                Arguments.of(selector(expr("a", "In", "-x")), List.of("webhooks[0].namespaceSelector.matchExpressions[0]"
                        + ".values[0]: Invalid value: \"-x\": a valid label must be an empty string or consist of alphanumeric"
                        + " characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue', "
                        + " or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')")),
                Arguments.of(selector(new LabelSelector(Map.of("a/b/c", "x"), List.of())), List.of("webhooks[0].namespaceSelector"
                        + ".matchLabels: Invalid value: \"a/b/c\": a valid label key must consist of alphanumeric characters, '-',"
                        + " '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or"
                        + " '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional"
                        + " DNS subdomain prefix and '/' (e.g. 'example.com/MyName')")),
                Arguments.of(resources("*", "pods"), List.of("webhooks[0].rules[0].resources: Invalid value: [\"*\",\"pods\"]:"
                        + " if '*' is present, must not specify other resources without subresources")),
                // validateResources assigns (not ors) hasResourceWithoutSubresource entry by entry: a last "*" clears it.
                Arguments.of(resources("pods", "*"), List.of()),
                Arguments.of(resources("*/*", "pods"), List.of("webhooks[0].rules[0].resources: Invalid value:"
                        + " [\"*/*\",\"pods\"]: if '*/*' is present, must not specify other resources")),
                Arguments.of(resources("pods/*", "pods/status"), List.of("webhooks[0].rules[0].resources[1]: Invalid value:"
                        + " \"pods/status\": if 'pods/*' is present, must not specify pods/status")),
                Arguments.of(resources("pods", "pods/*", "*/status"), List.of()),
                Arguments.of(hook(List.of(new Webhook.Rule(List.of("CREATE", "*"), List.of(""), List.of("v1"), List.of("pods"),
                        "Everywhere")), null, List.of(), "Sometimes"), List.of(
                        "webhooks[0].rules[0].operations: Invalid value: [\"CREATE\",\"*\"]: if '*' is present, must not"
                                + " specify other operations",
                        "webhooks[0].rules[0].scope: Unsupported value: \"Everywhere\": supported values: \"*\", \"Cluster\","
                                + " \"Namespaced\"",
                        "webhooks[0].failurePolicy: Unsupported value: \"Sometimes\": supported values: \"Fail\", \"Ignore\"")),
                Arguments.of(conditions(new Webhook.MatchCondition("ok", "request.namespace != 'kube-system'"),
                        new Webhook.MatchCondition("ns", "namespaceObject == null")), List.of()),
                Arguments.of(conditions(new Webhook.MatchCondition("", " "), new Webhook.MatchCondition("Bad Name", "true"),
                        new Webhook.MatchCondition("dup", "true"), new Webhook.MatchCondition("dup", "1")), List.of(
                        "webhooks[0].matchConditions[0].expression: Required value",
                        "webhooks[0].matchConditions[0].name: Required value",
                        "webhooks[0].matchConditions[1].name: Invalid value: \"Bad Name\": " + nameRegex,
                        "webhooks[0].matchConditions[3].expression: Invalid value: \"1\": must evaluate to bool but got int",
                        "webhooks[0].matchConditions[3].name: Duplicate value: \"dup\"")));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void refusedToStore(Webhook hook, List<String> expected) {
        assertThat(WebhookValidation.problems(hook, 0)).containsExactlyElementsOf(expected);
    }
}
