package io.injectordoctor.report;

/** The counts of an {@code explain pods} run. */
public record PodsSummary(int pods, int consistent, int mismatches, int missingSidecar, int unexpectedSidecar,
        int expectedInjected, int withSidecar) {
}
