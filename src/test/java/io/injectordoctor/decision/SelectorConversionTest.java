package io.injectordoctor.decision;

import static org.assertj.core.api.Assertions.assertThat;

import io.injectordoctor.model.LabelSelector;
import io.injectordoctor.model.LabelSelector.Requirement;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The validity of a hook selector when the API server converts it, with its exact error:
 * apimachinery pkg/apis/meta/v1/helpers.go {@code LabelSelectorAsSelector} (an unknown operator
 * is {@code "%q is not a valid label selector operator"}), pkg/labels/selector.go
 * {@code NewRequirement} (the values rules: In and NotIn need values, Exists and DoesNotExist take
 * none; every error of the term aggregated), {@code validateLabelKey} and
 * {@code validateLabelValue}, over pkg/api/validate/content kube.go {@code IsLabelKey} (optional
 * DNS-1123 subdomain prefix of at most 253 bytes, name of at most 63 bytes, alphanumeric at both
 * ends) and {@code IsLabelValue} (empty, or at most 63 bytes, alphanumeric at both ends);
 * field/errors.go {@code ErrorBody} for the "Invalid value" part.
 */
class SelectorConversionTest {
    private static final String NAME_REGEX = "name part must consist of alphanumeric characters, '-', '_' or '.', and must start"
            + " and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation"
            + " is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
    private static final String VALUE_REGEX = "a valid label must be an empty string or consist of alphanumeric characters, '-',"
            + " '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345',"
            + " regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";
    private static final String PREFIX_REGEX = "prefix part a lowercase RFC 1123 subdomain must consist of lower case"
            + " alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com',"
            + " regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";

    static LabelSelector expr(String key, String op, String... values) {
        return new LabelSelector(Map.of(), List.of(new Requirement(key, op, List.of(values))));
    }

    static LabelSelector labels(String key, String value) {
        return new LabelSelector(Map.of(key, value), List.of());
    }

    static Stream<Arguments> selectors() {
        String long63 = "a".repeat(63);
        String long64 = "a".repeat(64);
        String prefix253 = ("a".repeat(63) + ".").repeat(3) + "a".repeat(61);
        return Stream.of(
                // valid: every operator with its values; keys with and without prefix; empty values
                Arguments.of(expr("istio-injection", "In", "enabled"), null),
                Arguments.of(expr("sidecar.istio.io/inject", "NotIn", "false", ""), null),
                Arguments.of(expr("istio.io/rev", "Exists"), null),
                Arguments.of(expr("istio.io/rev", "DoesNotExist"), null),
                Arguments.of(labels("app.kubernetes.io/name", ""), null),
                Arguments.of(labels(long63, long63), null),
                Arguments.of(labels(prefix253 + "/" + long63, "x"), null),
                Arguments.of(new LabelSelector(Map.of(), List.of()), null),
                // operators (helpers.go)
                Arguments.of(expr("a", "Equals", "1"), "\"Equals\" is not a valid label selector operator"),
                Arguments.of(expr("a", "in", "1"), "\"in\" is not a valid label selector operator"),
                Arguments.of(expr("a", null, "1"), "\"\" is not a valid label selector operator"),
                // values rules (selector.go NewRequirement)
                Arguments.of(expr("a", "In"), "values: Invalid value: null: for 'in', 'notin' operators, values set can't be empty"),
                Arguments.of(expr("a", "NotIn"), "values: Invalid value: null: for 'in', 'notin' operators, values set can't be empty"),
                Arguments.of(expr("a", "Exists", "x"),
                        "values: Invalid value: [\"x\"]: values set must be empty for exists and does not exist"),
                Arguments.of(expr("a", "DoesNotExist", "x", "y"),
                        "values: Invalid value: [\"x\",\"y\"]: values set must be empty for exists and does not exist"),
                // key: name part syntax and length, prefix syntax and length, slashes (kube.go IsLabelKey)
                Arguments.of(expr("-app", "Exists"), "key: Invalid value: \"-app\": " + NAME_REGEX),
                Arguments.of(expr(long64, "Exists"), "key: Invalid value: \"" + long64
                        + "\": name part must be no more than 63 bytes"),
                Arguments.of(expr("", "Exists"), "key: Invalid value: \"\": name part must be non-empty; " + NAME_REGEX),
                Arguments.of(expr("/app", "Exists"), "key: Invalid value: \"/app\": prefix part must be non-empty"),
                Arguments.of(expr("Istio.io/rev", "Exists"), "key: Invalid value: \"Istio.io/rev\": " + PREFIX_REGEX),
                Arguments.of(expr(prefix253 + "a/app", "Exists"), "key: Invalid value: \"" + prefix253
                        + "a/app\": prefix part must be no more than 253 bytes"),
                Arguments.of(expr("a/b/c", "Exists"), "key: Invalid value: \"a/b/c\": a valid label key must consist of"
                        + " alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character"
                        + " (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is"
                        + " '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/'"
                        + " (e.g. 'example.com/MyName')"),
                // values: syntax and length (kube.go IsLabelValue), from matchLabels and from matchExpressions
                Arguments.of(labels("app", "-web"), "values[0][app]: Invalid value: \"-web\": " + VALUE_REGEX),
                Arguments.of(expr("app", "In", "ok", "has space"), "values[1][app]: Invalid value: \"has space\": " + VALUE_REGEX),
                Arguments.of(labels("app", long64), "values[0][app]: Invalid value: \"" + long64
                        + "\": must be no more than 63 bytes"),
                // every problem of one term, aggregated in brackets
                Arguments.of(expr("-k", "In"), "[key: Invalid value: \"-k\": " + NAME_REGEX
                        + ", values: Invalid value: null: for 'in', 'notin' operators, values set can't be empty]"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("selectors")
    void conversion(LabelSelector selector, String expected) {
        assertThat(SelectorConversion.error(selector)).isEqualTo(expected);
        // An invalid selector never matches; the hook's outcome is the API server's (see AdmissionDecisionTest).
        if (expected != null) {
            assertThat(SelectorEvaluator.evaluate(selector, Map.of()).matched()).isFalse();
        }
    }
}
