package io.injectordoctor.decision;

import java.util.ArrayList;
import java.util.List;

/**
 * The user a pod CREATE is made as, given with {@code --as} and {@code --as-group}, with the
 * groups the API server adds to an impersonated user (k8s.io/apiserver
 * pkg/endpoints/filters/impersonation.go, {@code WithImpersonation}): a service account given no
 * group gets {@code system:serviceaccounts} and {@code system:serviceaccounts:<namespace>}; every
 * user but {@code system:anonymous} gets {@code system:authenticated} unless a group says
 * authenticated or unauthenticated already; the anonymous user gets {@code system:unauthenticated}.
 */
public record RequestUser(String username, List<String> groups) {
    static final String SERVICE_ACCOUNT_PREFIX = "system:serviceaccount:";

    public RequestUser {
        groups = List.copyOf(groups);
    }

    public static RequestUser impersonated(String username, List<String> requestedGroups) {
        List<String> groups = new ArrayList<>(requestedGroups == null ? List.of() : requestedGroups);
        if (groups.isEmpty() && username.startsWith(SERVICE_ACCOUNT_PREFIX)) {
            String[] parts = username.substring(SERVICE_ACCOUNT_PREFIX.length()).split(":", -1);
            if (parts.length == 2 && !parts[0].isEmpty() && !parts[1].isEmpty()) {
                groups.add("system:serviceaccounts");
                groups.add("system:serviceaccounts:" + parts[0]);
            }
        }
        if (!"system:anonymous".equals(username)) {
            if (!groups.contains("system:authenticated") && !groups.contains("system:unauthenticated")) {
                groups.add("system:authenticated");
            }
        } else if (!groups.contains("system:unauthenticated")) {
            groups.add("system:unauthenticated");
        }
        return new RequestUser(username, groups);
    }
}
