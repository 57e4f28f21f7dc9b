package io.injectordoctor.report;

/**
 * One pod's line of the {@code explain pods} table.
 *
 * @param reference "inject" or "skip"; "refused" or "unknown" when the admission is (then nothing is compared)
 * @param proxy what runs next to the workload, as {@code observed.proxy} says it
 */
public record PodRow(String namespace, String name, boolean inject, boolean sidecar, boolean consistent,
        String decisive, String reference, String proxy) {
    public PodRow(String namespace, String name, boolean inject, boolean sidecar, boolean consistent, String decisive,
            String reference) {
        this(namespace, name, inject, sidecar, consistent, decisive, reference, sidecar ? "sidecar" : "none");
    }
}
