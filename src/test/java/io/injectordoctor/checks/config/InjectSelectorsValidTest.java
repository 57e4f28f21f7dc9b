package io.injectordoctor.checks.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.injectordoctor.checks.CheckTester;
import io.injectordoctor.report.Finding;
import io.injectordoctor.checks.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

class InjectSelectorsValidTest {
    @Test
    void firesOnAnEmptyAndAnInvalidSelector() {
        List<Finding> f = CheckTester.run(new InjectSelectorsValid(), Fixtures.withoutConfigWith("ID0304/fires.yaml"));

        assertThat(f).extracting(Finding::message).containsExactly(
                "neverInjectSelector[0] is empty, and an empty selector never matches here; the injector skips it",
                "alwaysInjectSelector[0] \"Equals\" is not a valid label selector operator; the injector skips it");
    }

    @Test
    void staysQuietOnValidSelectors() {
        assertThat(CheckTester.run(new InjectSelectorsValid(), Fixtures.withoutConfigWith("ID0304/dont-fire.yaml"))).isEmpty();
        assertThat(CheckTester.run(new InjectSelectorsValid(), Fixtures.snapshot(Fixtures.HEALTHY))).isEmpty();
    }
}
