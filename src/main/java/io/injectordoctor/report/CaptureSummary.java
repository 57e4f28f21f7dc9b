package io.injectordoctor.report;

import java.util.List;

/**
 * What a snapshot captured: counts of what a diagnosis reads most, and why each kind that could not
 * be read was left out.
 */
public record CaptureSummary(int namespaces, int pods, int workloads, int webhookConfigurations, int secrets,
        List<String> notCaptured) {
    public CaptureSummary {
        notCaptured = List.copyOf(notCaptured);
    }
}
