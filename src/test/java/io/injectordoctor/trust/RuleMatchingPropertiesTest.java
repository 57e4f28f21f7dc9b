package io.injectordoctor.trust;

import static org.assertj.core.api.Assertions.assertThat;

import io.injectordoctor.decision.AdmissionRequest;
import io.injectordoctor.decision.AdmissionRules;
import io.injectordoctor.model.Webhook;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;

/**
 * Rule matching against a direct model written from the Kubernetes API reference for
 * RuleWithOperations ("'*' means all resources, but not subresources; 'pods/*' means all
 * subresources of pods; '*&#47;scale' means all scale subresources; '*&#47;*' means all
 * resources and their subresources"; scope Cluster, Namespaced or '*'), not from rules.go.
 */
class RuleMatchingPropertiesTest {
    private static final List<String> RESOURCES = List.of("pods", "pods/*", "pods/status", "pods/log", "*", "*/*",
            "*/status", "services", "services/*", "namespaces");
    private static final List<AdmissionRequest> REQUESTS = List.of(
            AdmissionRequest.podCreate("shop"),
            new AdmissionRequest("UPDATE", "", "v1", "pods", "status", "shop"),
            new AdmissionRequest("CONNECT", "", "v1", "pods", "log", "shop"),
            new AdmissionRequest("CREATE", "", "v1", "services", "", "shop"),
            new AdmissionRequest("CREATE", "", "v1", "namespaces", "", "team"),
            new AdmissionRequest("DELETE", "apps", "v1", "deployments", "", "shop"),
            new AdmissionRequest("CREATE", "", "v1", "nodes", "", ""));

    /** The API reference's reading of one rule. */
    static boolean model(Webhook.Rule rule, AdmissionRequest r) {
        boolean op = rule.operations().stream().anyMatch(o -> o.equals("*") || o.equals(r.operation()));
        boolean group = rule.apiGroups().stream().anyMatch(g -> g.equals("*") || g.equals(r.group()));
        boolean version = rule.apiVersions().stream().anyMatch(v -> v.equals("*") || v.equals(r.version()));
        boolean resource = rule.resources().stream().anyMatch(e -> resourceModel(e, r));
        boolean clusterScoped = r.namespace().isEmpty() || r.resource().equals("namespaces");
        boolean scope = rule.scope() == null || rule.scope().equals("*")
                || rule.scope().equals("Cluster") && clusterScoped || rule.scope().equals("Namespaced") && !clusterScoped;
        return op && group && version && resource && scope;
    }

    private static boolean resourceModel(String entry, AdmissionRequest r) {
        boolean sub = !r.subresource().isEmpty();
        if (entry.equals("*/*")) {
            return true;
        }
        if (entry.equals("*")) {
            return !sub;
        }
        if (entry.startsWith("*/")) {
            return sub && entry.substring(2).equals(r.subresource());
        }
        if (entry.endsWith("/*")) {
            return entry.substring(0, entry.length() - 2).equals(r.resource());
        }
        return entry.equals(r.resourcePath());
    }

    @Property(tries = 3000)
    @StatisticsReport(onFailureOnly = true)
    void ruleMatchingAgreesWithTheApiReference(@ForAll("rules") Webhook.Rule rule, @ForAll("requests") AdmissionRequest r) {
        boolean expected = model(rule, r);
        Statistics.collect(expected ? "match" : "no match");
        assertThat(AdmissionRules.matches(rule, r)).as("%s against %s", rule, r).isEqualTo(expected);
        Statistics.coverage(c -> {
            c.check("match").percentage(p -> p > 10);
            c.check("no match").percentage(p -> p > 10);
        });
    }

    @Property(tries = 1000)
    void aHookAppliesWhenAnyOfItsRulesMatchesAndThePolicyChangesNothingForPods(
            @ForAll("ruleLists") List<Webhook.Rule> rules, @ForAll("requests") AdmissionRequest r) {
        boolean any = rules.stream().anyMatch(x -> model(x, r));
        assertThat(AdmissionRules.invocation(rules, "Exact", r).isPresent()).isEqualTo(any);
        assertThat(AdmissionRules.invocation(rules, "Equivalent", r).isPresent()).isEqualTo(any);
    }

    @Property(tries = 500)
    void aSubresourceWildcardCoversTheResourceItself(@ForAll("requests") AdmissionRequest r) {
        Webhook.Rule plain = new Webhook.Rule(List.of("*"), List.of("*"), List.of("*"), List.of(r.resource()), null);
        Webhook.Rule wildcard = new Webhook.Rule(List.of("*"), List.of("*"), List.of("*"), List.of(r.resource() + "/*"), null);
        if (AdmissionRules.matches(plain, r)) {
            assertThat(AdmissionRules.matches(wildcard, r)).isTrue();
        }
        assertThat(AdmissionRules.matches(wildcard, r)).isTrue();
    }

    @Provide
    Arbitrary<AdmissionRequest> requests() {
        return Arbitraries.of(REQUESTS);
    }

    @Provide
    Arbitrary<Webhook.Rule> rules() {
        Arbitrary<List<String>> ops = Arbitraries.of("CREATE", "UPDATE", "DELETE", "CONNECT", "*").list().ofMinSize(1).ofMaxSize(2);
        Arbitrary<List<String>> groups = Arbitraries.of("", "apps", "*").list().ofMinSize(1).ofMaxSize(2);
        Arbitrary<List<String>> versions = Arbitraries.of("v1", "v1beta1", "*").list().ofMinSize(1).ofMaxSize(2);
        Arbitrary<List<String>> resources = Arbitraries.of(RESOURCES).list().ofMinSize(1).ofMaxSize(3);
        Arbitrary<String> scope = Arbitraries.of("*", "Namespaced", "Cluster").injectNull(0.3);
        return Combinators.combine(ops, groups, versions, resources, scope).as(Webhook.Rule::new);
    }

    @Provide
    Arbitrary<List<Webhook.Rule>> ruleLists() {
        return rules().list().ofMaxSize(3);
    }
}
