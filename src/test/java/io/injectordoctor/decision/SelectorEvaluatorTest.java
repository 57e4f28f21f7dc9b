package io.injectordoctor.decision;

import static org.assertj.core.api.Assertions.assertThat;

import io.injectordoctor.model.LabelSelector;
import io.injectordoctor.model.LabelSelector.Requirement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SelectorEvaluatorTest {
    private static LabelSelector expr(String key, String op, String... values) {
        return new LabelSelector(Map.of(), List.of(new Requirement(key, op, List.of(values))));
    }

    @Test
    void notInMatchesAnAbsentKey() {
        LabelSelector s = expr("sidecar.istio.io/inject", "NotIn", "false");
        assertThat(SelectorEvaluator.evaluate(s, Map.of()).matched()).isTrue();
        assertThat(SelectorEvaluator.evaluate(s, Map.of("sidecar.istio.io/inject", "true")).matched()).isTrue();
        assertThat(SelectorEvaluator.evaluate(s, Map.of("sidecar.istio.io/inject", "false")).matched()).isFalse();
    }

    @Test
    void doesNotExistFailsOnAPresentEmptyValue() {
        LabelSelector s = expr("istio-injection", "DoesNotExist");
        assertThat(SelectorEvaluator.evaluate(s, Map.of("istio-injection", "")).matched()).isFalse();
        assertThat(SelectorEvaluator.evaluate(s, Map.of("other", "x")).matched()).isTrue();
    }

    @Test
    void inNeedsThePresentKeyWithAListedValue() {
        LabelSelector s = expr("istio-injection", "In", "enabled");
        assertThat(SelectorEvaluator.evaluate(s, Map.of("istio-injection", "enabled")).matched()).isTrue();
        assertThat(SelectorEvaluator.evaluate(s, Map.of("istio-injection", "Enabled")).matched()).isFalse();
        assertThat(SelectorEvaluator.evaluate(s, Map.of()).matched()).isFalse();
    }

    @Test
    void existsNeedsTheKeyWhateverItsValue() {
        LabelSelector s = expr("istio.io/rev", "Exists");
        assertThat(SelectorEvaluator.evaluate(s, Map.of("istio.io/rev", "")).matched()).isTrue();
        assertThat(SelectorEvaluator.evaluate(s, Map.of()).matched()).isFalse();
    }

    @Test
    void matchLabelsAndExpressionsAreAnded() {
        LabelSelector s = new LabelSelector(Map.of("a", "1"), List.of(new Requirement("b", "DoesNotExist", List.of())));
        assertThat(SelectorEvaluator.evaluate(s, Map.of("a", "1")).matched()).isTrue();
        assertThat(SelectorEvaluator.evaluate(s, Map.of("a", "1", "b", "2")).matched()).isFalse();
        assertThat(SelectorEvaluator.evaluate(s, Map.of("a", "2")).matched()).isFalse();
    }

    @Test
    void absentAndEmptySelectorsMatchEverything() {
        assertThat(SelectorEvaluator.evaluate(null, Map.of()).matched()).isTrue();
        assertThat(SelectorEvaluator.evaluate(new LabelSelector(Map.of(), List.of()), Map.of("x", "y")).matched()).isTrue();
    }

    @Test
    void invalidSelectorsMatchNothingAndSayWhy() {
        SelectorResult unknownOp = SelectorEvaluator.evaluate(expr("a", "Equals", "1"), Map.of("a", "1"));
        assertThat(unknownOp.matched()).isFalse();
        assertThat(unknownOp.error()).isEqualTo("\"Equals\" is not a valid label selector operator");
        SelectorResult inWithoutValues = SelectorEvaluator.evaluate(expr("a", "In"), Map.of("a", "1"));
        assertThat(inWithoutValues.matched()).isFalse();
        assertThat(inWithoutValues.error())
                .isEqualTo("values: Invalid value: null: for 'in', 'notin' operators, values set can't be empty");
        SelectorResult existsWithValues = SelectorEvaluator.evaluate(expr("a", "Exists", "1"), Map.of("a", "1"));
        assertThat(existsWithValues.error())
                .isEqualTo("values: Invalid value: [\"1\"]: values set must be empty for exists and does not exist");
        // A NotIn that is invalid must not match an absent key either.
        assertThat(SelectorEvaluator.evaluate(expr("a", "NotIn"), Map.of()).matched()).isFalse();
    }

    @Test
    void termsCarryTheEvidence() {
        SelectorResult r = SelectorEvaluator.evaluate(expr("istio-injection", "In", "enabled"),
                Map.of("istio-injection", "disabled"));
        assertThat(r.terms()).singleElement().satisfies(t -> {
            assertThat(t.requirement()).isEqualTo("istio-injection In [enabled]");
            assertThat(t.satisfied()).isFalse();
            assertThat(t.observed()).isEqualTo("istio-injection=disabled");
        });
    }
}
