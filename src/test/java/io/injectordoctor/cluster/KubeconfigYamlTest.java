package io.injectordoctor.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The quick kubeconfig reader agrees with the full YAML parser on every text it accepts, accepts the
 * shapes kubectl, cloud CLIs and Jackson write, and hands everything else to the full parser.
 */
class KubeconfigYamlTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private static JsonNode full(String text) throws Exception {
        return YAML.readTree(text);
    }

    /** As kubectl config view --raw writes it (block style, a sequence at the key's indent). */
    static final String KUBECTL = """
            apiVersion: v1
            clusters:
            - cluster:
                certificate-authority-data: LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCg==
                server: https://kind-control-plane:6443
              name: kind-kind
            contexts:
            - context:
                cluster: kind-kind
                namespace: shop
                user: kind-kind
              name: kind-kind
            current-context: kind-kind
            kind: Config
            preferences: {}
            users:
            - name: kind-kind
              user:
                client-certificate-data: Y2VydA==
                client-key-data: a2V5
            """;

    /** As aws eks update-kubeconfig writes it: an exec plugin with args and env. */
    static final String EKS = """
            apiVersion: v1
            clusters:
            - cluster:
                certificate-authority-data: Q0E=
                server: https://ABCDEF.gr7.eu-west-1.eks.amazonaws.com
              name: arn:aws:eks:eu-west-1:111122223333:cluster/prod
            contexts:
            - context:
                cluster: arn:aws:eks:eu-west-1:111122223333:cluster/prod
                user: arn:aws:eks:eu-west-1:111122223333:cluster/prod
              name: arn:aws:eks:eu-west-1:111122223333:cluster/prod
            current-context: arn:aws:eks:eu-west-1:111122223333:cluster/prod
            kind: Config
            preferences: {}
            users:
            - name: arn:aws:eks:eu-west-1:111122223333:cluster/prod
              user:
                exec:
                  apiVersion: client.authentication.k8s.io/v1beta1
                  args:
                  - --region
                  - eu-west-1
                  - eks
                  - get-token
                  - --cluster-name
                  - prod
                  command: aws
                  env:
                  - name: AWS_PROFILE
                    value: prod-admin
                  interactiveMode: IfAvailable
                  provideClusterInfo: false
            """;

    /** As Jackson writes the demo's kubeconfig: a document marker and double-quoted strings. */
    static final String JACKSON = """
            ---
            apiVersion: "v1"
            kind: "Config"
            clusters:
            - name: "injector-doctor-demo"
              cluster:
                server: "http://127.0.0.1:41235"
            users:
            - name: "injector-doctor-demo"
              user: {}
            contexts:
            - name: "injector-doctor-demo"
              context:
                cluster: "injector-doctor-demo"
                user: "injector-doctor-demo"
                namespace: "default"
            current-context: "injector-doctor-demo"
            preferences: {}
            """;

    /** One-line flow collections, quoted and plain, with comments. */
    static final String FLOW = """
            # written by hand
            apiVersion: v1
            kind: Config
            clusters: [{name: mock, cluster: {server: "http://127.0.0.1:8080", insecure-skip-tls-verify: true}}]
            users: [{name: tester, user: {token: 'it''s-a-token'}}]   # quoted with an escape
            contexts: [{name: mock, context: {cluster: mock, user: tester, namespace: default}}]
            current-context: mock
            """;

    @ParameterizedTest
    @ValueSource(strings = {"kubectl", "eks", "jackson", "flow"})
    void theShapesToolsWriteAreReadQuicklyAndAlike(String which) throws Exception {
        String text = switch (which) {
            case "kubectl" -> KUBECTL;
            case "eks" -> EKS;
            case "jackson" -> JACKSON;
            default -> FLOW;
        };
        JsonNode quick = KubeconfigYaml.parse(text);
        assertThat(quick).as("read without the full parser").isNotNull();
        assertThat(quick).isEqualTo(full(text));
    }

    @Test
    void whatTheSubsetLeavesOutGoesToTheFullParser() {
        for (String text : List.of(
                "a: &x {b: c}\nd: *x\n",
                "a: !!str 5\n",
                "token: |\n  abc\n  def\n",
                "a: one\n  continued\n",
                "a: [b,\n  c]\n",
                "a: 1\n---\nb: 2\n",
                "a: 0123\n",
                "insecure-skip-tls-verify: yes\n",
                "? complex\n: key\n",
                "a:\n\t- tab\n",
                "a: b\na: c\n",
                "a: \"unterminated\n")) {
            assertThat(KubeconfigYaml.parse(text)).as(text).isNull();
        }
    }

    @Test
    void anEmptyTextIsAnEmptyMapping() {
        assertThat(KubeconfigYaml.parse("\n# nothing\n")).isEqualTo(YAML.createObjectNode());
    }

    /** Generated kubeconfig-like trees, written in block or flow style with plain or quoted scalars. */
    @Property(tries = 300)
    void agreesWithTheFullParserWheneverItAnswers(@ForAll("documents") String text) throws Exception {
        JsonNode quick = KubeconfigYaml.parse(text);
        Statistics.label("read quickly").collect(quick != null);
        // The property says something only if the quick reader answers for most documents.
        Statistics.label("read quickly").coverage(c -> c.check(true).percentage(p -> p > 60));
        if (quick != null) {
            assertThat(quick).as(text).isEqualTo(full(text));
        }
    }

    @Provide
    Arbitrary<String> documents() {
        Arbitrary<String> word = Arbitraries.strings().withChars("abcxyz-_./:@").ofMinLength(1).ofMaxLength(10)
                .filter(s -> Character.isLetter(s.charAt(0)));
        Arbitrary<String> scalar = Arbitraries.oneOf(word, word.map(w -> "\"" + w + " " + w + "\""),
                word.map(w -> "'" + w + "'"), Arbitraries.of("true", "false", "null", "https://h:6443/x", "\"a\\tb\""));
        Arbitrary<List<String>> keys = word.list().ofMinSize(1).ofMaxSize(4).uniqueElements();
        Arbitrary<List<String>> values = scalar.list().ofMinSize(4).ofMaxSize(4);
        return Combinators.combine(keys, values, Arbitraries.integers().between(0, 3), word).as((ks, vs, style, name) -> {
            StringBuilder b = new StringBuilder("apiVersion: v1\nkind: Config\n");
            List<String> pairs = new ArrayList<>();
            for (int i = 0; i < ks.size(); i++) {
                pairs.add(ks.get(i) + ": " + vs.get(i));
            }
            switch (style) {
                case 0 -> {
                    b.append("users:\n- name: ").append(name).append("\n  user:\n");
                    pairs.forEach(p -> b.append("    ").append(p).append('\n'));
                }
                case 1 -> b.append("users: [{name: ").append(name).append(", user: {").append(String.join(", ", pairs))
                        .append("}}]\n");
                case 2 -> {
                    b.append("users:\n  - name: ").append(name).append("\n    user:\n");
                    pairs.forEach(p -> b.append("      ").append(p).append("  # note\n"));
                }
                default -> {
                    b.append("clusters:\n- name: ").append(name).append("\n  cluster:\n    list:\n");
                    vs.forEach(v -> b.append("    - ").append(v).append('\n'));
                }
            }
            return b.toString();
        });
    }
}
