package io.injectordoctor.decision.cel;

import static org.assertj.core.api.Assertions.assertThat;

import io.injectordoctor.decision.AdmissionInput;
import io.injectordoctor.decision.ConditionResult;
import io.injectordoctor.decision.ConditionResult.Kind;
import io.injectordoctor.decision.InjectionSubject;
import io.injectordoctor.decision.RequestUser;
import io.injectordoctor.model.Webhook;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One matchCondition at a time, in the webhook matchCondition environment (k8s.io/apiserver
 * pkg/admission/plugin/cel/compile.go {@code createEnvForOpts}: object, oldObject, request,
 * namespaceObject, authorizer; activation.go {@code Evaluate}: "compilation error: ..." and
 * "expression '...' resulted in error: ..."), for a pod CREATE of {@code web} in {@code shop}
 * labelled app=web.
 */
class MatchConditionEvaluationTest {
    static final CelConditionEngine ENGINE = new CelConditionEngine();
    static final InjectionSubject POD = new InjectionSubject("shop", Map.of("app", "web"), Map.of("team", "a"), false, "web");
    static final RequestUser BOB = RequestUser.impersonated("bob", List.of("devs"));

    static ConditionResult eval(String expression, RequestUser user) {
        return ENGINE.compile(List.of(new Webhook.MatchCondition("c", expression))).evaluate(AdmissionInput.podCreate(POD, user))
                .get(0);
    }

    static Stream<Arguments> decided() {
        return Stream.of(
                // expression, who, outcome, detail (null when none)
                Arguments.of("object.metadata.labels['app'] == 'web'", null, Kind.TRUE, null),
                Arguments.of("object.metadata.labels.app == 'db'", null, Kind.FALSE, null),
                Arguments.of("has(object.metadata.annotations) && object.metadata.annotations.team == 'a'", null, Kind.TRUE, null),
                Arguments.of("!has(object.spec.hostNetwork)", null, Kind.TRUE, null),
                Arguments.of("object.metadata.labels.all(k, k.startsWith('a'))", null, Kind.TRUE, null),
                Arguments.of("request.operation == 'CREATE' && request.resource.resource == 'pods'", null, Kind.TRUE, null),
                Arguments.of("request.namespace != 'kube-system'", null, Kind.TRUE, null),
                Arguments.of("request.name == 'web'", null, Kind.TRUE, null),
                Arguments.of("oldObject == null", null, Kind.TRUE, null),
                // matcher.go passes no namespace: namespaceObject compiles but is null for webhook matchConditions.
                Arguments.of("namespaceObject == null", null, Kind.TRUE, null),
                Arguments.of("'system:authenticated' in request.userInfo.groups", BOB, Kind.TRUE, null),
                Arguments.of("request.userInfo.username == 'bob' && 'devs' in request.userInfo.groups", BOB, Kind.TRUE, null),
                Arguments.of("request.userInfo.username == 'alice'", BOB, Kind.FALSE, null),
                // A known false settles && whatever the unknown side holds.
                Arguments.of("request.namespace == 'other' && request.userInfo.username == 'x'", null, Kind.FALSE, null),
                Arguments.of("object.metadata.labels.tier == 'x'", null, Kind.ERROR,
                        "expression 'object.metadata.labels.tier == 'x'' resulted in error: no such key: tier"),
                Arguments.of("oldObject.metadata.name == 'x'", null, Kind.ERROR,
                        "expression 'oldObject.metadata.name == 'x'' resulted in error: no such key: metadata"),
                Arguments.of("namespaceObject.metadata.labels.env == 'prod'", null, Kind.ERROR,
                        "expression 'namespaceObject.metadata.labels.env == 'prod'' resulted in error: no such key: metadata"),
                Arguments.of("1 / (size(object.metadata.labels) - 1) == 1", null, Kind.ERROR,
                        "expression '1 / (size(object.metadata.labels) - 1) == 1' resulted in error: division by zero"),
                Arguments.of("quantity('1.5Gi').isInteger() && !quantity('500m').isInteger()", null, Kind.TRUE, null),
                Arguments.of("quantity('x') == quantity('1')", null, Kind.ERROR, "expression 'quantity('x') == quantity('1')' resulted"
                        + " in error: quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'"),
                // compile.go: the output type must be exactly bool; dyn is not.
                Arguments.of("object.metadata.name", null, Kind.ERROR, "compilation error: must evaluate to bool but got dyn"),
                Arguments.of("params.x == 1", null, Kind.ERROR, null));
    }

    @ParameterizedTest(name = "{0} as {1} -> {2}")
    @MethodSource("decided")
    void decided(String expression, RequestUser user, Kind kind, String detail) {
        ConditionResult r = eval(expression, user);
        assertThat(r.kind()).as("%s", r).isEqualTo(kind);
        if (detail != null) {
            assertThat(r.detail()).isEqualTo(detail);
        }
        if (expression.startsWith("params")) {
            // params is declared for policies only (compile.go HasParams is false for webhooks).
            assertThat(r.detail()).startsWith("compilation error: compilation failed: ERROR: <input>:1:1: undeclared reference to 'params'");
        }
    }

    /** base.go: each library from the Kubernetes version that enabled it; before, the name is undeclared. */
    @org.junit.jupiter.api.Test
    void librariesFollowTheKubernetesVersion() {
        AdmissionInput input = AdmissionInput.podCreate(POD, null);
        java.util.function.BiFunction<Integer, String, ConditionResult> at = (minor, expression) -> new CelConditionEngine(minor)
                .compile(List.of(new Webhook.MatchCondition("c", expression))).evaluate(input).get(0);

        assertThat(at.apply(29, "isIP('1.2.3.4')").detail()).contains("undeclared reference to 'isIP'");
        assertThat(at.apply(30, "isIP('1.2.3.4')").kind()).isEqualTo(Kind.TRUE);
        assertThat(at.apply(32, "isSemver('1.0.0')").detail()).contains("undeclared reference to 'isSemver'");
        assertThat(at.apply(33, "isSemver('1.0.0')").kind()).isEqualTo(Kind.TRUE);
        assertThat(at.apply(27, "isQuantity('1')").detail()).contains("undeclared reference to 'isQuantity'");
        assertThat(at.apply(28, "'A'.lowerAscii() == 'a'").kind()).isEqualTo(Kind.TRUE);
        assertThat(at.apply(28, "['a'].join('-') == 'a'").detail()).contains("undeclared reference to 'join'");
        assertThat(at.apply(29, "['a'].join('-') == 'a'").kind()).isEqualTo(Kind.TRUE);
        assertThat(at.apply(29, "'%s'.format(['a']) == 'a'").detail()).contains("format() is not supported by injector-doctor");
        assertThat(at.apply(31, "[1].all(i, v, v > 0)").kind()).isEqualTo(Kind.ERROR);
        assertThat(at.apply(0, "'abc'.find('b') == 'b' && url('/x').getHost() == '' && [2, 1].min() == 1").kind())
                .isEqualTo(Kind.TRUE);
    }

    static Stream<Arguments> unknown() {
        return Stream.of(
                Arguments.of("request.userInfo.username == 'bob'", "request.userInfo"),
                Arguments.of("!('system:nodes' in request.userInfo.groups)", "give --as USER"),
                Arguments.of("authorizer.group('').resource('pods').check('create').allowed()", "authorizer"),
                Arguments.of("authorizer.requestResource.check('create').allowed()", "authorizer"),
                Arguments.of("object.spec.containers.exists(c, c.image.startsWith('nginx'))", "object.spec.containers"),
                Arguments.of("object.metadata.ownerReferences.size() > 0", "object.metadata.ownerReferences"),
                Arguments.of("quantity('1').div(2) == quantity('0.5')", "not supported by injector-doctor"));
    }

    @ParameterizedTest(name = "{0} is unknown")
    @MethodSource("unknown")
    void unknown(String expression, String why) {
        ConditionResult r = eval(expression, null);
        assertThat(r.kind()).as("%s", r).isEqualTo(Kind.UNKNOWN);
        assertThat(r.detail()).contains(why);
    }
}
