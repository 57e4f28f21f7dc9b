package io.injectordoctor.remedy.probe;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.admissionregistration.v1.MutatingWebhookConfiguration;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.MutatingWebhookConfigurationBuilder;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.RuleWithOperations;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.RuleWithOperationsBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

class SideEffectHooksTest {

    static RuleWithOperations rule(String op, String group, String version, String resource, String scope) {
        return new RuleWithOperationsBuilder().withOperations(op).withApiGroups(group).withApiVersions(version)
                .withResources(resource).withScope(scope).build();
    }

    static MutatingWebhookConfiguration config(String sideEffects, RuleWithOperations rule) {
        return new MutatingWebhookConfigurationBuilder().withNewMetadata().withName("c").endMetadata()
                .addNewWebhook().withName("h").withSideEffects(sideEffects).withRules(rule).endWebhook().build();
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
        RuleWithOperations pods = rule("CREATE", "", "v1", "pods", null);
        assertThat(SideEffectHooks.blocking(List.of(config("None", pods)))).isEmpty();
        assertThat(SideEffectHooks.blocking(List.of(config("NoneOnDryRun", pods)))).isEmpty();
        assertThat(SideEffectHooks.blocking(List.of(config("Some", pods)))).containsExactly("c/h (sideEffects: Some)");
        assertThat(SideEffectHooks.blocking(List.of(config("Unknown", pods)))).containsExactly("c/h (sideEffects: Unknown)");
        assertThat(SideEffectHooks.blocking(List.of(config(null, pods)))).containsExactly("c/h (sideEffects: unset)");
        assertThat(SideEffectHooks.blocking(List.of(config("Some", rule("CREATE", "apps", "v1", "deployments", null)))))
                .isEmpty();
    }
}
