package io.injectordoctor.trust;

import static org.assertj.core.api.Assertions.assertThat;

import io.injectordoctor.decision.SelectorEvaluator;
import io.injectordoctor.decision.SelectorResult;
import io.injectordoctor.model.LabelSelector;
import io.injectordoctor.model.LabelSelector.Requirement;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;

/**
 * SelectorEvaluator against a second, deliberately plain reading of the Kubernetes rules
 * (apimachinery LabelSelectorAsSelector and NewRequirement, with validateLabelKey and
 * validateLabelValue). Keys and values come from small pools so that generated selectors and
 * label sets actually overlap; a few of each are not valid label syntax.
 */
class SelectorModelPropertiesTest {
    private static final List<String> KEYS = List.of("app", "istio-injection", "istio.io/rev", "sidecar.istio.io/inject", "tier");
    private static final List<String> VALUES = List.of("", "a", "b", "enabled", "false", "true");
    private static final List<String> BAD_KEYS = List.of("-app", "a/b/c", "Istio.IO/rev", "/rev", "app_");
    private static final List<String> BAD_VALUES = List.of("-a", "a b", "x".repeat(64));
    private static final java.util.regex.Pattern NAME = java.util.regex.Pattern.compile("[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?");
    private static final java.util.regex.Pattern PREFIX = java.util.regex.Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

    /** A label key: an optional DNS-subdomain prefix and '/', then a name of at most 63 characters. */
    static boolean validKey(String k) {
        String[] parts = k.split("/", -1);
        if (parts.length > 2) {
            return false;
        }
        String name = parts[parts.length - 1];
        boolean prefixOk = parts.length == 1 || PREFIX.matcher(parts[0]).matches() && parts[0].length() <= 253;
        return prefixOk && name.length() <= 63 && NAME.matcher(name).matches();
    }

    static boolean validValue(String v) {
        return v.isEmpty() || v.length() <= 63 && NAME.matcher(v).matches();
    }

    /** What Kubernetes answers: null when the selector is invalid (and then it selects nothing). */
    static Boolean model(LabelSelector s, Map<String, String> labels) {
        for (Map.Entry<String, String> e : s.matchLabels().entrySet()) {
            if (!validKey(e.getKey()) || !validValue(e.getValue())) {
                return null;
            }
        }
        for (Requirement r : s.matchExpressions()) {
            boolean hasValues = !r.values().isEmpty();
            String op = r.operator() == null ? "" : r.operator();
            boolean valid = switch (op) {
                case "In", "NotIn" -> hasValues;
                case "Exists", "DoesNotExist" -> !hasValues;
                default -> false;
            };
            if (!valid || r.key() == null || !validKey(r.key()) || !r.values().stream().allMatch(SelectorModelPropertiesTest::validValue)) {
                return null;
            }
        }
        for (Map.Entry<String, String> e : s.matchLabels().entrySet()) {
            if (!labels.containsKey(e.getKey()) || !labels.get(e.getKey()).equals(e.getValue())) {
                return false;
            }
        }
        for (Requirement r : s.matchExpressions()) {
            String v = labels.get(r.key());
            boolean ok;
            if (r.operator().equals("In")) {
                ok = v != null && r.values().contains(v);
            } else if (r.operator().equals("NotIn")) {
                ok = v == null || !r.values().contains(v);
            } else if (r.operator().equals("Exists")) {
                ok = v != null;
            } else {
                ok = v == null;
            }
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    @Property(tries = 2000)
    @StatisticsReport(onFailureOnly = true)
    void evaluatorAgreesWithTheModel(@ForAll("selectors") LabelSelector s, @ForAll("labels") Map<String, String> labels) {
        SelectorResult r = SelectorEvaluator.evaluate(s, labels);
        Boolean expected = model(s, labels);
        Statistics.collect(expected == null ? "invalid" : expected ? "match" : "no match");
        if (expected == null) {
            assertThat(r.valid()).as("invalid selector %s", s).isFalse();
            assertThat(r.matched()).isFalse();
            assertThat(r.error()).isNotBlank();
        } else {
            assertThat(r.valid()).as("valid selector %s", s).isTrue();
            assertThat(r.matched()).as("%s against %s", s, labels).isEqualTo(expected);
        }
        // One term per requirement, so the trace can show every one of them.
        assertThat(r.terms()).hasSize(s.matchLabels().size() + s.matchExpressions().size());
        // The generators must reach all three outcomes, or the agreement above says little.
        Statistics.coverage(c -> {
            c.check("invalid").percentage(p -> p > 5);
            c.check("match").percentage(p -> p > 5);
            c.check("no match").percentage(p -> p > 5);
        });
    }

    @Property(tries = 300)
    void anEmptyOrAbsentSelectorMatchesEverything(@ForAll("labels") Map<String, String> labels) {
        assertThat(SelectorEvaluator.evaluate(null, labels).matched()).isTrue();
        assertThat(SelectorEvaluator.evaluate(new LabelSelector(Map.of(), List.of()), labels).matched()).isTrue();
    }

    @Provide
    Arbitrary<Map<String, String>> labels() {
        return Arbitraries.maps(Arbitraries.of(KEYS), Arbitraries.of(VALUES)).ofMaxSize(KEYS.size());
    }

    private static Arbitrary<String> keys() {
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(30, Arbitraries.of(KEYS)),
                net.jqwik.api.Tuple.of(1, Arbitraries.of(BAD_KEYS)), net.jqwik.api.Tuple.of(1, Arbitraries.just("")));
    }

    private static Arbitrary<String> values() {
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(30, Arbitraries.of(VALUES)),
                net.jqwik.api.Tuple.of(1, Arbitraries.of(BAD_VALUES)));
    }

    @Provide
    Arbitrary<LabelSelector> selectors() {
        Arbitrary<Map<String, String>> matchLabels = Arbitraries.maps(keys(), values()).ofMaxSize(2);
        return Combinators.combine(matchLabels, requirement().list().ofMaxSize(3)).as(LabelSelector::new);
    }

    private Arbitrary<Requirement> requirement() {
        // Mostly valid operators; a few the API would refuse (wrong case, Equals, empty, absent).
        Arbitrary<String> op = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(10, Arbitraries.of("In", "NotIn", "Exists", "DoesNotExist")),
                net.jqwik.api.Tuple.of(1, Arbitraries.of("in", "Equals", "", "Gt")),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(null)));
        Arbitrary<List<String>> values = values().list().ofMaxSize(3);
        Arbitrary<String> key = keys();
        return Combinators.combine(key, op, values).as((k, o, v) -> {
            // Give In/NotIn values and Exists/DoesNotExist none most of the time, so valid selectors dominate.
            if (o != null && (o.equals("Exists") || o.equals("DoesNotExist")) && v.size() == 1) {
                return new Requirement(k, o, List.of());
            }
            return new Requirement(k, o, v);
        });
    }
}
