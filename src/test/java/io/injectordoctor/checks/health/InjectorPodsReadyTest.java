package io.injectordoctor.checks.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.injectordoctor.checks.CheckTester;
import io.injectordoctor.report.Finding;
import io.injectordoctor.checks.Fixtures;
import io.injectordoctor.report.Severity;
import org.junit.jupiter.api.Test;

class InjectorPodsReadyTest {
    private final InjectorPodsReady check = new InjectorPodsReady();

    @Test
    void firesWhenNoPodMatchesTheServiceSelector() {
        assertThat(CheckTester.run(check, Fixtures.snapshot(Fixtures.INJECTOR_DOWN))).extracting(Finding::message)
                .containsExactly("no pod in istio-system matches the selector app=istiod,istio=pilot of service istio-system/istiod");
    }

    @Test
    void firesWhenNoInjectorPodIsReadyAndNamesTheLogsCommand() {
        assertThat(CheckTester.run(check, Fixtures.injectorDownWith("ID0801/not-ready.yaml"))).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.message()).isEqualTo("none of the 1 injector pod(s) is ready: [istiod-7d4b9c7f5-abcde]");
            // Reads only: nothing in the advice restarts the injector.
            assertThat(f.fix()).contains(io.injectordoctor.report.Advice.run(io.injectordoctor.report.Command.kubectl(
                    "logs", "-l", "app=istiod,istio=pilot", "-n", "istio-system")));
            assertThat(f.fix()).allSatisfy(a -> assertThat(a.command().args()).doesNotContain("restart", "delete"));
        });
    }

    @Test
    void warnsWhenSomeInjectorPodsAreNotReady() {
        assertThat(CheckTester.run(check, Fixtures.injectorDownWith("ID0802/two-pods-one-ready.yaml")))
                .extracting(Finding::severity).containsExactly(Severity.WARNING);
    }

    @Test
    void staysQuietWhenTheInjectorPodIsReady() {
        assertThat(CheckTester.run(check, Fixtures.snapshot(Fixtures.HEALTHY))).isEmpty();
    }
}
