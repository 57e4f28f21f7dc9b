package io.injectordoctor.remedy.probe;

import static org.assertj.core.api.Assertions.assertThat;

import io.injectordoctor.model.ObjectMeta;
import io.injectordoctor.model.Webhook;
import io.injectordoctor.model.WebhookConfiguration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SideEffectHooksTest {

    static Webhook.Rule rule(String op, String group, String version, String resource, String scope) {
        return new Webhook.Rule(List.of(op), List.of(group), List.of(version), List.of(resource), scope);
    }

    static WebhookConfiguration config(String sideEffects, Webhook.Rule rule) {
        Webhook h = new Webhook("h", List.of(rule), null, null, null, null, sideEffects, null, null, null, List.of(), List.of(), java.util.Map.of());
        return new WebhookConfiguration("admissionregistration.k8s.io/v1", ObjectMeta.of(null, "c"), List.of(h));
    }

    @Test
    void rulesThatCoverAPodCreate() {
        assertThat(SideEffectHooks.coversPodCreate(List.of(rule("CREATE", "", "v1", "pods", null)))).isTrue();
        assertThat(SideEffectHooks.coversPodCreate(List.of(rule("*", "*", "*", "*", "*")))).isTrue();
        assertThat(SideEffectHooks.coversPodCreate(List.of(rule("CREATE", "", "v1", "*/*", "Namespaced")))).isTrue();
    }

    @Test
    void rulesThatDoNot() {
        assertThat(SideEffectHooks.coversPodCreate(List.of(rule("UPDATE", "", "v1", "pods", null)))).isFalse();
        assertThat(SideEffectHooks.coversPodCreate(List.of(rule("CREATE", "apps", "v1", "pods", null)))).isFalse();
        assertThat(SideEffectHooks.coversPodCreate(List.of(rule("CREATE", "", "v1", "pods/exec", null)))).isFalse();
        assertThat(SideEffectHooks.coversPodCreate(List.of(rule("CREATE", "", "v1beta1", "pods", null)))).isFalse();
        assertThat(SideEffectHooks.coversPodCreate(List.of(rule("CREATE", "*", "*", "*", "Cluster")))).isFalse();
        assertThat(SideEffectHooks.coversPodCreate(null)).isFalse();
    }

    @Test
    void onlyNoneAndNoneOnDryRunAreSafe() {
        Webhook.Rule pods = rule("CREATE", "", "v1", "pods", null);
        assertThat(SideEffectHooks.blocking(List.of(config("None", pods)))).isEmpty();
        assertThat(SideEffectHooks.blocking(List.of(config("NoneOnDryRun", pods)))).isEmpty();
        assertThat(SideEffectHooks.blocking(List.of(config("Some", pods)))).containsExactly("c/h (sideEffects: Some)");
        assertThat(SideEffectHooks.blocking(List.of(config("Unknown", pods)))).containsExactly("c/h (sideEffects: Unknown)");
        assertThat(SideEffectHooks.blocking(List.of(config(null, pods)))).containsExactly("c/h (sideEffects: unset)");
        assertThat(SideEffectHooks.blocking(List.of(config("Some", rule("CREATE", "apps", "v1", "deployments", null)))))
                .isEmpty();
    }
}
