package io.injectordoctor.checks.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.injectordoctor.checks.CheckTester;
import io.injectordoctor.checks.Fixtures;
import org.junit.jupiter.api.Test;

class InjectorConfigParseableTest {
    @Test
    void firesOnConfigThatIsNotYaml() {
        assertThat(CheckTester.run(new InjectorConfigParseable(), Fixtures.withoutConfigWith("ID0302/fires.yaml")))
                .singleElement().satisfies(f -> {
                    assertThat(f.subject()).isEqualTo("ConfigMap istio-system/istio-sidecar-injector");
                    assertThat(f.message()).startsWith("'config' is not valid YAML at line");
                });
    }

    @Test
    void staysQuietOnTheChartsConfigAndLeavesAMissingOneToID0301() {
        assertThat(CheckTester.run(new InjectorConfigParseable(), Fixtures.snapshot(Fixtures.HEALTHY))).isEmpty();
        assertThat(CheckTester.run(new InjectorConfigParseable(), Fixtures.snapshot(Fixtures.WITHOUT_CONFIG))).isEmpty();
    }
}
