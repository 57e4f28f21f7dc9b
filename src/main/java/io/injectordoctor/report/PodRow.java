package io.injectordoctor.report;

/** One pod's line of the {@code explain pods} table. */
public record PodRow(String namespace, String name, boolean inject, boolean sidecar, boolean consistent,
        String decisive) {
}
