package io.injectordoctor.report;

import java.util.List;
import java.util.Map;

/**
 * {@code explain namespace/NS}: what happens to a pod created there without labels (the reference
 * verdict and its trace, in {@code newPod}), each of its pods' verdicts, and the catalogue's findings
 * about the namespace and the control plane that serves it.
 *
 * @param exists whether the namespace exists; a namespace that does not is judged as created without labels
 */
public record NamespaceExplanation(int schemaVersion, String namespace, boolean exists, Map<String, String> labels,
        Explanation newPod, List<PodRow> pods, PodsSummary summary, List<Explanation.Finding> findings) {
    public NamespaceExplanation {
        labels = Map.copyOf(labels);
        pods = List.copyOf(pods);
        findings = List.copyOf(findings);
    }

    /** The one rule of every command: a finding, here or about one of its pods, at or above the threshold. */
    public boolean passes(Severity threshold, boolean podsPass) {
        return podsPass && findings.stream().noneMatch(f -> Severity.valueOf(f.severity()).fails(threshold));
    }
}
