package io.injectordoctor.app;

import java.nio.file.Path;
import java.util.List;

/**
 * Which cluster a command works on and how to read it, as the global options say: a snapshot file,
 * the embedded demo, or a kubeconfig (file, context) with the user to impersonate; the namespace of
 * the subject; the control plane's namespace; the timeout of each request.
 */
public record Target(Path kubeconfig, String context, String namespace, String istioNamespace, boolean demo,
        Path snapshot, int requestTimeoutSeconds, String asUser, List<String> asGroups) {
    public Target {
        asGroups = asGroups == null ? List.of() : List.copyOf(asGroups);
        istioNamespace = istioNamespace == null ? "istio-system" : istioNamespace;
    }

    /** The same cluster, in another kubeconfig context. */
    public Target inContext(String otherContext) {
        return new Target(kubeconfig, otherContext, namespace, istioNamespace, demo, snapshot, requestTimeoutSeconds,
                asUser, asGroups);
    }

    /** The same cluster, with the subject's namespace set. */
    public Target inNamespace(String ns) {
        return new Target(kubeconfig, context, ns, istioNamespace, demo, snapshot, requestTimeoutSeconds, asUser,
                asGroups);
    }

    /** Why {@code value} cannot be a namespace, or null when it can: checked before it reaches a request path. */
    public static String namespaceProblem(String value) {
        return io.injectordoctor.cluster.Names.namespaceProblem(value);
    }
}
