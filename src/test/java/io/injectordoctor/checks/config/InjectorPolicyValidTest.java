package io.injectordoctor.checks.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.injectordoctor.checks.CheckTester;
import io.injectordoctor.report.Finding;
import io.injectordoctor.checks.Fixtures;
import io.injectordoctor.report.Severity;
import org.junit.jupiter.api.Test;

class InjectorPolicyValidTest {
    @Test
    void firesOnAPolicyThatIsNeitherEnabledNorDisabled() {
        assertThat(CheckTester.run(new InjectorPolicyValid(), Fixtures.withoutConfigWith("ID0303/fires.yaml")))
                .singleElement().satisfies(f -> {
                    assertThat(f.severity()).isEqualTo(Severity.ERROR);
                    assertThat(f.message()).contains("\"Enabled\" is neither enabled nor disabled");
                    assertThat(f.evidence()).containsEntry("policy", "Enabled");
                });
    }

    @Test
    void staysQuietOnEnabledAndDisabledAndSaysWhichItIs() {
        assertThat(CheckTester.run(new InjectorPolicyValid(), Fixtures.snapshot(Fixtures.HEALTHY)))
                .extracting(Finding::severity, f -> f.evidence().get("policy"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Severity.INFO, "enabled"));
        assertThat(CheckTester.run(new InjectorPolicyValid(), Fixtures.withoutConfigWith("ID0303/disabled.yaml")))
                .extracting(Finding::message).singleElement().asString().contains("default policy is disabled");
    }
}
