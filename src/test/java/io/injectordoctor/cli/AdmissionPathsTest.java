package io.injectordoctor.cli;

import static io.injectordoctor.testing.AdmissionFixtures.cluster;
import static io.injectordoctor.testing.AdmissionFixtures.hook;
import static io.injectordoctor.testing.AdmissionFixtures.pod;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.injectordoctor.testing.Fixtures;
import io.injectordoctor.testing.MockCluster;
import io.injectordoctor.testing.MockCluster.Result;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The admission tables through the whole command, {@code explain pod/web -n shop -o json}, once
 * against a live API server (KubernetesMockServer) and once with --snapshot of the same objects.
 * The pod web in the opt-in namespace shop, labelled app=web; one injection hook whose rules,
 * selectors or matchConditions the row gives. Sources: k8s.io/apiserver
 * pkg/admission/plugin/webhook/predicates/rules/rules.go (Matches, scope, operation, resource);
 * webhook/generic/webhook.go ShouldCallHook (selectors, rules, conversion errors, matchConditions);
 * apimachinery pkg/labels/selector.go NewRequirement and pkg/apis/meta/v1/helpers.go
 * LabelSelectorAsSelector; webhook/matchconditions/matcher.go Match.
 */
class AdmissionPathsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static MockCluster CLUSTER;

    @org.junit.jupiter.api.BeforeAll
    static void start() {
        CLUSTER = new MockCluster();
    }

    @org.junit.jupiter.api.AfterAll
    static void stop() {
        CLUSTER.close();
    }
    static final String NS = "namespaceSelector: {matchLabels: {istio-injection: enabled}}\n";

    static String rules(String ops, String groups, String versions, String resources, String scope) {
        return "rules:\n- {operations: " + ops + ", apiGroups: " + groups + ", apiVersions: " + versions
                + ", resources: " + resources + (scope == null ? "" : ", scope: " + scope) + "}\n" + NS;
    }

    static final String POD_RULES = rules("[CREATE]", "[\"\"]", "[v1]", "[pods]", null);

    static Stream<Arguments> ruleForms() {
        return Stream.of(
                Arguments.of("resources pods", POD_RULES, "called"),
                Arguments.of("resources pods/* (rules.go resource(): sub '*' matches no sub-resource)",
                        rules("[CREATE]", "[\"\"]", "[v1]", "[\"pods/*\"]", null), "called"),
                Arguments.of("resources * (no sub-resource)", rules("[CREATE]", "[\"\"]", "[v1]", "[\"*\"]", null), "called"),
                Arguments.of("resources */*", rules("[CREATE]", "[\"\"]", "[v1]", "[\"*/*\"]", null), "called"),
                Arguments.of("resources */status only", rules("[CREATE]", "[\"\"]", "[v1]", "[\"*/status\"]", null), "not-called"),
                Arguments.of("resources pods/status only", rules("[CREATE]", "[\"\"]", "[v1]", "[pods/status]", null), "not-called"),
                Arguments.of("operations *", rules("[\"*\"]", "[\"\"]", "[v1]", "[pods]", null), "called"),
                Arguments.of("operations UPDATE", rules("[UPDATE]", "[\"\"]", "[v1]", "[pods]", null), "not-called"),
                Arguments.of("apiGroups and apiVersions *", rules("[CREATE]", "[\"*\"]", "[\"*\"]", "[pods]", null), "called"),
                Arguments.of("apiGroups apps", rules("[CREATE]", "[apps]", "[v1]", "[pods]", null), "not-called"),
                Arguments.of("scope Namespaced", rules("[CREATE]", "[\"\"]", "[v1]", "[pods]", "Namespaced"), "called"),
                Arguments.of("scope Cluster", rules("[CREATE]", "[\"\"]", "[v1]", "[pods]", "Cluster"), "not-called"),
                Arguments.of("matchPolicy Exact", POD_RULES + "matchPolicy: Exact\n", "called"),
                Arguments.of("matchPolicy Equivalent, apiVersions v1beta1 (pods have no equivalent)",
                        rules("[CREATE]", "[\"\"]", "[v1beta1]", "[pods]", null) + "matchPolicy: Equivalent\n", "not-called"));
    }

    static Stream<Arguments> selectorValidity() {
        String prefix = "rules:\n- {operations: [CREATE], apiGroups: [\"\"], apiVersions: [v1], resources: [pods]}\n";
        return Stream.of(
                Arguments.of("In without values", prefix + expr("istio-injection", "In", null),
                        "values: Invalid value: null: for 'in', 'notin' operators, values set can't be empty"),
                Arguments.of("Exists with values", prefix + expr("istio-injection", "Exists", "[enabled]"),
                        "values: Invalid value: [\"enabled\"]: values set must be empty for exists and does not exist"),
                Arguments.of("unknown operator", prefix + expr("istio-injection", "Equals", "[enabled]"),
                        "\"Equals\" is not a valid label selector operator"),
                Arguments.of("key name starts with a dash", prefix + expr("-istio", "Exists", null),
                        "key: Invalid value: \"-istio\": name part must consist of alphanumeric characters, '-', '_' or '.',"
                                + " and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or"
                                + " '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')"),
                Arguments.of("key name longer than 63", prefix + expr("a".repeat(64), "Exists", null),
                        "key: Invalid value: \"" + "a".repeat(64) + "\": name part must be no more than 63 bytes"),
                Arguments.of("key prefix upper case", prefix + expr("Istio.io/rev", "Exists", null),
                        "key: Invalid value: \"Istio.io/rev\": prefix part a lowercase RFC 1123 subdomain must consist of"
                                + " lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric"
                                + " character (e.g. 'example.com', regex used for validation is"
                                + " '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')"),
                Arguments.of("value with a space", prefix + "namespaceSelector: {matchLabels: {istio-injection: \"en abled\"}}\n",
                        "values[0][istio-injection]: Invalid value: \"en abled\": a valid label must be an empty string or"
                                + " consist of alphanumeric characters, '-', '_' or '.', and must start and end with an"
                                + " alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for"
                                + " validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')"),
                Arguments.of("value longer than 63", prefix + expr("istio-injection", "In", "[" + "v".repeat(64) + "]"),
                        "values[0][istio-injection]: Invalid value: \"" + "v".repeat(64) + "\": must be no more than 63 bytes"));
    }

    static String expr(String key, String op, String values) {
        return "namespaceSelector:\n  matchExpressions:\n  - {key: \"" + key + "\", operator: " + op
                + (values == null ? "" : ", values: " + values) + "}\n";
    }

    static Stream<Arguments> conditionOutcomes() {
        return Stream.of(
                Arguments.of("true", "Fail", "request.namespace == 'shop'", List.of(), "called", null),
                Arguments.of("false", "Fail", "object.metadata.labels.app == 'db'", List.of(), "not-called", null),
                Arguments.of("error under Fail", "Fail", "object.metadata.labels.tier == 'x'", List.of(), "refused",
                        "pods \"web\" is forbidden: expression 'object.metadata.labels.tier == 'x'' resulted in error: no such key: tier"),
                Arguments.of("error under Ignore", "Ignore", "object.metadata.labels.tier == 'x'", List.of(), "not-called", null),
                Arguments.of("unknown without --as", "Fail", "request.userInfo.username != 'ci'", List.of(), "unknown", null),
                Arguments.of("decided with --as", "Fail", "request.userInfo.username != 'ci'", List.of("--as", "ci"),
                        "not-called", null));
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @MethodSource("ruleForms")
    void ruleForms(String name, String body, String admission) throws Exception {
        for (JsonNode j : bothPaths(body, List.of())) {
            assertThat(j.path("reference").path("admission").asText()).as(name).isEqualTo(admission);
            assertThat(j.path("reference").path("inject").asBoolean()).isEqualTo(admission.equals("called"));
        }
    }

    @ParameterizedTest(name = "{0} refuses")
    @MethodSource("selectorValidity")
    void selectorValidity(String name, String body, String error) throws Exception {
        for (JsonNode j : bothPaths(body, List.of())) {
            JsonNode ref = j.path("reference");
            assertThat(ref.path("admission").asText()).as(name).isEqualTo("refused");
            assertThat(ref.path("inject").asBoolean()).isFalse();
            assertThat(ref.path("refusal").path("httpCode").asInt()).isEqualTo(500);
            assertThat(ref.path("refusal").path("message").asText()).isEqualTo("Internal error occurred: " + error);
            assertThat(ref.path("webhooks").get(0).path("matched").asBoolean()).isFalse();
            assertThat(ref.path("webhooks").get(0).path("admission").asText()).isEqualTo("refused");
        }
    }

    @ParameterizedTest(name = "matchCondition {0} -> {4}")
    @MethodSource("conditionOutcomes")
    void conditionOutcomes(String name, String failurePolicy, String expression, List<String> as, String admission,
            String refusal) throws Exception {
        String body = POD_RULES + "failurePolicy: " + failurePolicy + "\nmatchConditions:\n- {name: c, expression: \""
                + expression + "\"}\n";
        for (JsonNode j : bothPaths(body, as)) {
            JsonNode ref = j.path("reference");
            assertThat(ref.path("admission").asText()).as(name).isEqualTo(admission);
            if (admission.equals("unknown")) {
                assertThat(ref.path("inject").isNull()).isTrue();
                assertThat(ref.path("webhooks").get(0).path("matched").isNull()).isTrue();
                assertThat(ref.path("decisive").asText()).isEqualTo("MATCH_CONDITION_UNKNOWN");
            } else {
                assertThat(ref.path("inject").asBoolean()).isEqualTo(admission.equals("called"));
            }
            if (refusal != null) {
                assertThat(ref.path("refusal").path("httpCode").asInt()).isEqualTo(403);
                assertThat(ref.path("refusal").path("message").asText()).isEqualTo(refusal);
            }
        }
    }

    /** Only a file can hold a selector of the wrong type: reported as bad data, never exit 70. */
    @org.junit.jupiter.api.Test
    void aSelectorOfTheWrongTypeInASnapshotIsReportedNotACrash() throws Exception {
        String yaml = cluster("istio-sidecar-injector", hook("a.sidecar-injector.istio.io",
                POD_RULES.replace(NS, "") + "namespaceSelector: \"istio-injection=enabled\"\n")) + pod("shop", "web");
        String file = Fixtures.writeTemp(yaml).toString();
        Result explain = Result.of("explain", "pod/web", "-n", "shop", "-o", "json", "--snapshot", file);
        assertThat(explain.exitCode()).as(explain.err()).isEqualTo(1);
        assertThat(JSON.readTree(explain.out()).path("reference").path("refusal").path("message").asText())
                .contains("namespaceSelector is a string, not a label selector");
        Result check = Result.of("check", "--snapshot", file);
        assertThat(check.exitCode()).as(check.err()).isEqualTo(1);
        assertThat(check.out()).contains("× ID0202").contains("cannot even decode it");
    }

    /** The JSON explanation from the live path and from the snapshot path, which must be the same. */
    static List<JsonNode> bothPaths(String hookBody, List<String> extra) throws Exception {
        String yaml = cluster("istio-sidecar-injector", hook("a.sidecar-injector.istio.io", hookBody)) + pod("shop", "web", "app", "web");
        List<String> args = new ArrayList<>(List.of("explain", "pod/web", "-n", "shop", "-o", "json"));
        args.addAll(extra);
        // One API server for all rows: each row's objects replace the previous row's.
        CLUSTER.client().admissionRegistration().v1().mutatingWebhookConfigurations().delete();
        CLUSTER.client().load(new java.io.ByteArrayInputStream(yaml.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .items().forEach(o -> CLUSTER.client().resource(o)
                        .createOr(io.fabric8.kubernetes.client.dsl.NonDeletingOperation::update));
        Result live = CLUSTER.run(args.toArray(String[]::new));
        List<String> file = new ArrayList<>(args);
        file.addAll(List.of("--snapshot", Fixtures.writeTemp(yaml).toString()));
        Result snapshot = Result.of(file.toArray(String[]::new));
        List<JsonNode> out = new ArrayList<>();
        for (Result r : List.of(live, snapshot)) {
            assertThat(r.err()).as(r.out()).isEmpty();
            assertThat(r.exitCode()).isIn(0, 1);
            JsonNode j = JSON.readTree(r.out());
            assertThat(j.path("schemaVersion").asInt()).isEqualTo(io.injectordoctor.report.Explanation.SCHEMA_VERSION);
            out.add(j);
        }
        assertThat(out.get(0).path("reference")).isEqualTo(out.get(1).path("reference"));
        return out;
    }
}
