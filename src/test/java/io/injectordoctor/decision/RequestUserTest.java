package io.injectordoctor.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The user the API server sees for --as/--as-group, as k8s.io/apiserver
 * pkg/endpoints/filters/impersonation.go {@code WithImpersonation} builds it: a service account
 * without groups gets its default groups, every user but the anonymous one system:authenticated
 * (unless a group says authenticated or unauthenticated), the anonymous user system:unauthenticated.
 */
class RequestUserTest {
    @Test
    void aPlainUserIsAuthenticated() {
        assertThat(RequestUser.impersonated("bob", List.of()).groups()).containsExactly("system:authenticated");
        assertThat(RequestUser.impersonated("bob", List.of("devs")).groups()).containsExactly("devs", "system:authenticated");
        assertThat(RequestUser.impersonated("bob", List.of("system:unauthenticated")).groups())
                .containsExactly("system:unauthenticated");
    }

    @Test
    void aServiceAccountWithoutGroupsGetsItsOwn() {
        assertThat(RequestUser.impersonated("system:serviceaccount:ci:deployer", List.of()).groups()).containsExactly(
                "system:serviceaccounts", "system:serviceaccounts:ci", "system:authenticated");
        assertThat(RequestUser.impersonated("system:serviceaccount:ci:deployer", List.of("x")).groups())
                .containsExactly("x", "system:authenticated");
    }

    @Test
    void theAnonymousUserIsUnauthenticated() {
        assertThat(RequestUser.impersonated("system:anonymous", List.of()).groups()).containsExactly("system:unauthenticated");
    }
}
