package io.injectordoctor.demo;

import java.util.List;

/** The object sets the demo cluster can be seeded with. */
public enum Scenario {
    /** A working istiod install with every injection case of the runbook as a pod. */
    HEALTHY(true, List.of("healthy/istiod-status.yaml")),
    /**
     * The same cluster after things went wrong: the webhook's caBundle holds an unrelated root, istiod
     * has no ready endpoint, and a ReplicaSet cannot create its pods.
     */
    BROKEN(false, List.of("broken/istiod-status.yaml", "broken/failed-rollout.yaml")),
    /**
     * The healthy cluster with the mesh of today beside it, as the Istio 1.28 charts make it: the
     * ambient data plane (ztunnel, istio-cni, a waypoint, an ambient namespace), a Gateway API gateway
     * and an injected ingress gateway, one stuck on image auto, a revision tag that moved, a native
     * sidecar, a template the injector no longer has, and the nodes whose kubelets decide native
     * sidecars. Its own scenario, so that the default demo keeps the runbook's 22 pods.
     */
    MODERN(true, List.of("healthy/istiod-status.yaml", "modern/revision-tag.yaml", "modern/proxies.yaml",
            "modern/gateways.yaml", "modern/ambient.yaml"));

    static final List<String> COMMON = List.of(
            "common/namespaces.yaml",
            "common/istiod-default.yaml",
            "common/istiod-canary.yaml",
            "common/istiod-disabled-policy.yaml",
            "common/truth-table.yaml",
            "common/special-cases.yaml");

    private final boolean webhookTrustsMeshRoot;
    @SuppressWarnings("ImmutableEnumChecker") // an unmodifiable copy, made in the constructor
    private final List<String> ownFiles;

    Scenario(boolean webhookTrustsMeshRoot, List<String> ownFiles) {
        this.webhookTrustsMeshRoot = webhookTrustsMeshRoot;
        this.ownFiles = List.copyOf(ownFiles);
    }

    /** Whether the default injector's caBundle holds the mesh root (false: an unrelated root). */
    public boolean webhookTrustsMeshRoot() {
        return webhookTrustsMeshRoot;
    }

    /** Seed files under {@code demo/} on the classpath, in creation order. */
    List<String> seedFiles() {
        return java.util.stream.Stream.concat(COMMON.stream(), ownFiles.stream()).toList();
    }

    /** The name used on the command line. */
    public String cliName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
