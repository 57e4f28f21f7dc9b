package io.injectordoctor.cluster;

import java.nio.file.Path;
import java.util.Map;

/**
 * What the configuration is resolved from besides the kubeconfig files: environment variables,
 * the home directory, the service-account directory of a pod, and whether a person sits at a
 * terminal (an exec plugin may then ask them). Tests pass their own; the CLI passes {@link #system()}.
 *
 * @param serviceAccountDir where a pod's service account is mounted
 *     (kubernetes/client-go rest/config.go InClusterConfig: /var/run/secrets/kubernetes.io/serviceaccount)
 */
public record Environment(Map<String, String> variables, Path home, Path serviceAccountDir, boolean terminal) {
    public static final Path SERVICE_ACCOUNT = Path.of("/var/run/secrets/kubernetes.io/serviceaccount");

    public Environment {
        variables = Map.copyOf(variables);
    }

    public static Environment system() {
        return new Environment(System.getenv(), Path.of(System.getProperty("user.home")), SERVICE_ACCOUNT,
                io.injectordoctor.Consoles.interactive());
    }

    /** The variable, or null when it is unset or empty (kubectl treats both alike). */
    public String get(String name) {
        String v = variables.get(name);
        return v == null || v.isEmpty() ? null : v;
    }

    /** Go's lookup of proxy variables: the upper-case name first, then the lower-case one. */
    public String either(String upper) {
        String v = get(upper);
        return v != null ? v : get(upper.toLowerCase(java.util.Locale.ROOT));
    }
}
