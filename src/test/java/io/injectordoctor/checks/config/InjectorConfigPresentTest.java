package io.injectordoctor.checks.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.injectordoctor.checks.CheckTester;
import io.injectordoctor.checks.Fixtures;
import org.junit.jupiter.api.Test;

class InjectorConfigPresentTest {
    @Test
    void firesWhenTheDefaultRevisionHasNoConfigMap() {
        assertThat(CheckTester.run(new InjectorConfigPresent(), Fixtures.snapshot(Fixtures.WITHOUT_CONFIG)))
                .singleElement().satisfies(f -> {
                    assertThat(f.subject()).isEqualTo("ConfigMap istio-system/istio-sidecar-injector");
                    assertThat(f.message()).isEqualTo("ConfigMap istio-system/istio-sidecar-injector does not exist: "
                            + "no injector is served for revision default, which 4 hook(s) call");
                });
    }

    @Test
    void staysQuietWhenItExists() {
        assertThat(CheckTester.run(new InjectorConfigPresent(), Fixtures.snapshot(Fixtures.HEALTHY))).isEmpty();
    }
}
