package io.injectordoctor.decision.cel;

import static org.assertj.core.api.Assertions.assertThat;

import io.injectordoctor.decision.AdmissionInput;
import io.injectordoctor.decision.ConditionResult;
import io.injectordoctor.decision.ConditionResult.Kind;
import io.injectordoctor.decision.InjectionSubject;
import io.injectordoctor.model.Webhook;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Kubernetes CEL libraries as the admission environment enables them, each case an expression
 * that must be true, or must fail with the library's own message. The cases follow the examples and
 * tests of k8s.io/apiserver pkg/cel/library: lists.go, regex.go, urls.go, quantity.go, ip.go,
 * cidr.go (and cidr_test.go for its messages), format.go and semverlib.go; plus the cel-go
 * extensions base.go enables (strings, sets, optional types, two-variable comprehensions).
 */
class KubernetesLibrariesTest {
    static final InjectionSubject POD = new InjectionSubject("shop", Map.of("app", "web"), Map.of(), false, "web");

    static ConditionResult eval(String expression) {
        return MatchConditionEvaluationTest.ENGINE.compile(List.of(new Webhook.MatchCondition("c", expression)))
                .evaluate(AdmissionInput.podCreate(POD, null)).get(0);
    }

    static Stream<String> trueExpressions() {
        return Stream.of(
                // lists.go
                "[1, 2, 3].isSorted() && !['b', 'a'].isSorted() && [].isSorted()",
                "[1, 3].sum() == 4 && [1.0, 3.0].sum() == 4.0",
                "[1, 3].min() == 1 && [1, 3].max() == 3 && ['a', 'c'].max() == 'c'",
                "[1, 2, 2, 3].indexOf(2) == 1 && ['a', 'b', 'b', 'c'].lastIndexOf('b') == 2 && [1.0].indexOf(1.1) == -1",
                // regex.go
                "'abc 123'.find('[0-9]+') == '123' && 'abc'.find('[0-9]+') == ''",
                "'123 abc 456'.findAll('[0-9]+') == ['123', '456'] && '123 abc 456'.findAll('[0-9]+', 1) == ['123']",
                "'baaab'.findAll('a*') == ['', 'aaa', '']",
                // urls.go
                "url('https://user:pass@example.com:80/path?query=val#fragment').getScheme() == 'https'",
                "isURL('/absolute-path') && !isURL('../relative-path') && !isURL('https://a:b:c/')",
                "url('https://example.com:80/').getHost() == 'example.com:80' && url('https://[::1]:80/').getHostname() == '::1'",
                "url('https://example.com:80/').getPort() == '80' && url('https://example.com/').getPort() == ''",
                "url('https://example.com/path with spaces/').getEscapedPath() == '/path%20with%20spaces/'",
                "url('https://example.com/path?k1=a&k2=b&k2=c').getQuery() == {'k1': ['a'], 'k2': ['b', 'c']}",
                "url('https://example.com/path?').getQuery() == {} && url('/path').getHost() == ''",
                // url.go unescape in a host: %-encoding only for non-ASCII bytes, and %25 for IPv6 zones
                "!isURL('https://ex%61mple.com/') && isURL('https://[fe80::1%25en0]/') && isURL('https://ex%C3%A4mple.com/')",
                // quantity.go
                "quantity('50k').add(quantity('20k')) == quantity('70k') && quantity('50k').add(20) == quantity('50020')",
                "quantity('50k').sub(20000) == quantity('30k') && quantity('50k').mul(2) == quantity('100k')",
                "quantity('200M').compareTo(quantity('0.2G')) == 0 && quantity('50M').compareTo(quantity('50Mi')) == -1",
                "quantity('150Mi').isGreaterThan(quantity('100Mi')) && quantity('50M').isLessThan(quantity('100M'))",
                "quantity('1.5G').isInteger() && quantity('1.5G').asInteger() == 1500000000 && !quantity('1.5m').isInteger()",
                "quantity('50.703k').asApproximateFloat() == 50703.0 && sign(quantity('-50k')) == -1",
                "isQuantity('1.3k') && !isQuantity('1.3K') && !isQuantity('') && isQuantity('2e3')",
                // ip.go
                "isIP('1.2.3.4') && !isIP('1.2.3') && !isIP('1.2.3.04') && !isIP('fe80::1%eth0') && !isIP('::ffff:1.2.3.4')",
                "ip('127.0.0.1').family() == 4 && ip('::1').family() == 6 && string(ip('2001:db8::abcd')) == '2001:db8::abcd'",
                "ip.isCanonical('127.0.0.1') && !ip.isCanonical('2001:DB8::abcd') && ip.isCanonical('2001:db8::abcd')",
                "ip('0.0.0.0').isUnspecified() && ip('::').isUnspecified() && ip('127.0.0.1').isLoopback() && ip('::1').isLoopback()",
                "ip('224.0.0.1').isLinkLocalMulticast() && ip('ff02::1').isLinkLocalMulticast() && !ip('224.0.1.1').isLinkLocalMulticast()",
                "ip('169.254.169.254').isLinkLocalUnicast() && ip('fe80::1').isLinkLocalUnicast() && !ip('fd80::1').isLinkLocalUnicast()",
                "ip('192.168.0.1').isGlobalUnicast() && !ip('255.255.255.255').isGlobalUnicast() && !ip('ff00::1').isGlobalUnicast()",
                "ip('127.0.0.1') == ip('127.0.0.1') && ip('2001:db8:0:0:0:0:0:1') == ip('2001:db8::1')",
                // cidr.go
                "cidr('192.168.0.0/24').containsIP(ip('192.168.0.1')) && !cidr('192.168.0.0/24').containsIP('192.168.1.1')",
                "cidr('192.168.0.0/24').containsCIDR(cidr('192.168.0.0/25')) && !cidr('192.168.0.0/24').containsCIDR('192.168.0.0/23')",
                // containsCIDR as cidr.go computes it: the argument's address must be the receiver's network address.
                "!cidr('192.168.0.0/16').containsCIDR('192.168.10.0/24')",
                "cidr('192.168.0.1/24').ip() == ip('192.168.0.1') && cidr('192.168.0.1/24').masked() == cidr('192.168.0.0/24')",
                "cidr('192.168.0.1/24') != cidr('192.168.0.1/24').masked() && cidr('::1/128').prefixLength() == 128",
                "string(cidr('2001:db8:1::/32').masked()) == '2001:db8::/32' && isCIDR('10.0.0.0/8') && !isCIDR('10.0.0.0')",
                // format.go
                "!format.dns1123Label().validate('my-label-name').hasValue() && format.dns1123Label().validate('My_Label').hasValue()",
                "format.named('labelValue').hasValue() && !format.named('nope').hasValue()",
                "format.dns1123LabelPrefix().validate('my-label-prefix-') == optional.none()",
                "format.uuid().validate('123e4567-e89b-12d3-a456-426614174000') == optional.none()",
                "format.date().validate('2021-13-01').value() == ['invalid date']",
                "format.qualifiedName().validate('example.com/MyName') == optional.none()",
                // semverlib.go
                "semver('1.0.0').major() == 1 && isSemver('0.1.0-alpha.1') && !isSemver('v1.0') && isSemver('v1.0', true)",
                "semver('1.2.3').compareTo(semver('2.0.0')) == -1 && semver('1.2.3').isGreaterThan(semver('0.1.2'))",
                "semver('1.0.0-alpha').isLessThan(semver('1.0.0')) && semver('1.0.0-alpha.1').isGreaterThan(semver('1.0.0-alpha'))",
                "semver('01.01.01', true) == semver('1.1.1') && semver('1.0', true).patch() == 0",
                // cel-go extensions enabled by base.go: strings, sets, optional types, two-variable comprehensions.
                "'a,b'.split(',') == ['a', 'b'] && 'Web'.lowerAscii() == 'web' && ['a', 'b'].join('-') == 'a-b'",
                "sets.contains([1, 2, 3], [2]) && sets.intersects([1], [1, 2])",
                "object.?metadata.?labels.?tier.orValue('none') == 'none'",
                "object.metadata.labels.all(k, v, k.size() > 0 && v != '')",
                // The standard macros.
                "[1, 2, 3].exists_one(x, x == 2) && [1, 2].map(x, x * 2) == [2, 4] && [1, 2, 3].filter(x, x > 1) == [2, 3]",
                "has(object.metadata.labels) && [1].exists(x, x == 1) && [1].all(x, x > 0)",
                // Cross-type numeric comparisons and heterogeneous equality over dyn values.
                "dyn(1) == 1.0 && 1 < 1.5");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("trueExpressions")
    void isTrue(String expression) {
        ConditionResult r = eval(expression);
        assertThat(r.kind()).as("%s", r).isEqualTo(Kind.TRUE);
    }

    static Stream<Arguments> errors() {
        return Stream.of(
                Arguments.of("[].min() == 1", "min called on empty list"),
                Arguments.of("'a'.find('(') == ''", "Illegal regex: error parsing regexp: missing closing ): `(`"),
                Arguments.of("url('../relative-path').getScheme() == ''",
                        "URL parse error during conversion from string: parse \"../relative-path\": invalid URI for request"),
                Arguments.of("quantity('1.5m').asInteger() == 0", "cannot convert value to integer"),
                Arguments.of("quantity('1K') == quantity('1')", "unable to parse quantity's suffix"),
                Arguments.of("ip('1.2.3') == ip('1.2.3.0')",
                        "IP Address \"1.2.3\" parse error during conversion from string: ParseAddr(\"1.2.3\"): IPv4 address too short"),
                Arguments.of("ip('fe80::1%eth0').family() == 6", "IP address \"fe80::1%eth0\" with zone value is not allowed"),
                Arguments.of("ip('::ffff:1.2.3.4').family() == 6", "IPv4-mapped IPv6 address \"::ffff:1.2.3.4\" is not allowed"),
                // cidr_test.go "parse invalid ipv4": the message is wrapped twice.
                Arguments.of("cidr('192.168.0.0/').prefixLength() == 0",
                        "network address parse error during conversion from string: network address parse error during"
                                + " conversion from string: netip.ParsePrefix(\"192.168.0.0/\"): bad bits after slash: \"\""),
                Arguments.of("semver('200K').major() == 1", "No Major.Minor.Patch elements found"),
                Arguments.of("semver('1.01.0').major() == 1", "Minor number must not contain leading zeroes \"01\""),
                Arguments.of("semver('1.0', true).major() == 1 && semver('1.0-rc1', true).major() == 1",
                        "short version cannot contain PreRelease/Build meta data"));
    }

    @ParameterizedTest(name = "{0} fails: {1}")
    @MethodSource("errors")
    void fails(String expression, String message) {
        ConditionResult r = eval(expression);
        assertThat(r.kind()).as("%s", r).isEqualTo(Kind.ERROR);
        assertThat(r.detail()).isEqualTo("expression '" + expression + "' resulted in error: " + message);
    }
}
