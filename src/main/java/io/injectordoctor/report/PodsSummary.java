package io.injectordoctor.report;

/**
 * The counts of an {@code explain pods} run. {@code withSidecar} counts pods that run istio-proxy,
 * whoever put it there; {@code meshInfrastructure} those whose istio-proxy Istio built in (never
 * injected, by design); {@code ambient} those whose traffic ztunnel carries.
 */
public record PodsSummary(int pods, int consistent, int mismatches, int missingSidecar, int unexpectedSidecar,
        int expectedInjected, int withSidecar, int meshInfrastructure, int ambient) {
    public PodsSummary(int pods, int consistent, int mismatches, int missingSidecar, int unexpectedSidecar,
            int expectedInjected, int withSidecar) {
        this(pods, consistent, mismatches, missingSidecar, unexpectedSidecar, expectedInjected, withSidecar, 0, 0);
    }
}
