package io.injectordoctor.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class InvocationTest {
    @Test
    void wordsThatTheShellWouldSplitOrExpandAreSingleQuoted() {
        assertThat(ShellWords.quote("deployment/web")).isEqualTo("deployment/web");
        assertThat(ShellWords.quote("istio.io/rev=canary")).isEqualTo("istio.io/rev=canary");
        assertThat(ShellWords.quote("my dump.yaml")).isEqualTo("'my dump.yaml'");
        assertThat(ShellWords.quote("{\"a\":1}")).isEqualTo("'{\"a\":1}'");
        assertThat(ShellWords.quote("it's")).isEqualTo("'it'\\''s'");
        assertThat(ShellWords.quote("$HOME")).isEqualTo("'$HOME'");
        assertThat(ShellWords.quote("")).isEqualTo("''");
        assertThat(ShellWords.quote("a*")).isEqualTo("'a*'");
        assertThat(ShellWords.quote("check-certs#x")).isEqualTo("check-certs#x");
        assertThat(ShellWords.quote("#x")).isEqualTo("'#x'");
    }

    @Test
    void theToolsOwnCommandsCarryTheSourceOfThisRun() {
        Invocation demo = new Invocation(List.of("scripts/injector-doctor"), List.of("--demo"), List.of(), true);
        assertThat(demo.line(Command.self("explain", "pod/x", "-n", "shop")))
                .isEqualTo("scripts/injector-doctor explain pod/x -n shop --demo");
        Invocation snapshot = new Invocation(List.of("injector-doctor"), List.of("--snapshot", "my dump.yaml"), List.of(),
                false);
        assertThat(snapshot.line(Command.self("check"))).isEqualTo("injector-doctor check --snapshot 'my dump.yaml'");
        assertThat(snapshot.line(Command.offline("checks", "show", "ID0601"))).isEqualTo("injector-doctor checks show ID0601");
    }

    @Test
    void kubectlCommandsReachTheSameClusterAsKubectlSpellsIt() {
        Invocation live = new Invocation(Invocation.programWords("kubectl injector-doctor"),
                List.of("--kubeconfig", "/tmp/k", "--context", "prod"), List.of("--kubeconfig", "/tmp/k", "--context", "prod"),
                false);
        assertThat(live.line(Command.kubectl("rollout", "restart", "deployment/web", "-n", "shop")))
                .isEqualTo("kubectl --kubeconfig /tmp/k --context prod rollout restart deployment/web -n shop");
        assertThat(live.line(Command.self("explain", "pod/x")))
                .isEqualTo("kubectl injector-doctor explain pod/x --kubeconfig /tmp/k --context prod");
        assertThat(live.line(Command.kubectl("get", "pod", "x", "-o", "yaml").savingTo("x.yaml")))
                .isEqualTo("kubectl --kubeconfig /tmp/k --context prod get pod x -o yaml > x.yaml");
    }

    @Test
    void aProgramNameIsOneWordUnlessItIsTheKubectlPlugin() {
        assertThat(Invocation.programWords(null)).containsExactly("injector-doctor");
        assertThat(Invocation.programWords("kubectl injector-doctor")).containsExactly("kubectl", "injector-doctor");
        assertThat(Invocation.programWords("/home/a b/scripts/injector-doctor")).containsExactly("/home/a b/scripts/injector-doctor");
        assertThat(new Invocation(List.of("/home/a b/scripts/injector-doctor"), List.of(), List.of(), false)
                .line(Command.self("check"))).isEqualTo("'/home/a b/scripts/injector-doctor' check");
    }

    @Test
    void aDocumentationPathBecomesTheCommandThatPrintsIt() {
        assertThat(Command.page("docs/checks/ID0501.md")).isEqualTo(Command.offline("checks", "show", "ID0501"));
        assertThat(Command.page("docs/check-certs.md#PROBE_FAILED")).isEqualTo(Command.offline("docs", "check-certs#probe_failed"));
        assertThat(Command.page("https://example.com")).isNull();
    }
}
