package io.injectordoctor.report;

import java.util.List;
import java.util.Map;

/**
 * What a snapshot captured: counts of what a diagnosis reads most, why each kind that could not
 * be read was left out, and how many values of each kind were scrubbed (as the file's header says).
 */
public record CaptureSummary(int namespaces, int pods, int workloads, int webhookConfigurations, int secrets,
        List<String> notCaptured, Map<String, Integer> scrubbed) {
    public CaptureSummary {
        notCaptured = List.copyOf(notCaptured);
        scrubbed = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(scrubbed));
    }
}
