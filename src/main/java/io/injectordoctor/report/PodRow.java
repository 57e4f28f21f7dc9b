package io.injectordoctor.report;

/**
 * One pod's line of the {@code explain pods} table.
 *
 * @param reference "inject" or "skip"; "refused" or "unknown" when the admission is (then nothing is compared)
 */
public record PodRow(String namespace, String name, boolean inject, boolean sidecar, boolean consistent,
        String decisive, String reference) {
}
