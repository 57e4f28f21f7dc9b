package io.injectordoctor.checks.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import io.injectordoctor.checks.CheckTester;
import io.injectordoctor.checks.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

class InjectionWebhookPresentTest {
    @Test
    void firesWhenNoHookIsIstios() {
        assertThat(CheckTester.run(new InjectionWebhookPresent(), Fixtures.snapshot("base/app.yaml", "ID0201/fires.yaml")))
                .singleElement().satisfies(f -> {
                    assertThat(f.message()).contains("no mutating webhook has a name ending in istio.io");
                    assertThat(f.evidence()).containsEntry("hooks", List.of("webhook.cert-manager.io"));
                });
    }

    @Test
    void staysQuietWithTheDefaultInstall() {
        assertThat(CheckTester.run(new InjectionWebhookPresent(), Fixtures.snapshot(Fixtures.HEALTHY))).isEmpty();
    }
}
