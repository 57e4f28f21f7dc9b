package io.injectordoctor.checks;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.injectordoctor.cluster.ResourceKind;
import io.injectordoctor.report.Severity;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * One check as data ({@code checks/<id>.yaml}): everything about it but its code. {@code title}
 * reads as a statement that holds when the check passes ("injection webhooks are present");
 * {@code severity} is the worst a finding of this check can be; {@code reads} are the kinds it
 * cannot run without (an unreadable one skips it), {@code optionalReads} those it uses when they
 * could be read; {@code prerequisites} are checks that must pass first; {@code runbookStep} names
 * the step of the runbook the check automates.
 */
public record CatalogueEntry(String id, String title, String category, Severity severity, Set<ResourceKind> reads,
        Set<ResourceKind> optionalReads, List<String> prerequisites, String summary, String remediation,
        String runbookStep) {
    public CatalogueEntry {
        reads = copy(reads);
        optionalReads = copy(optionalReads);
        prerequisites = prerequisites == null ? List.of() : List.copyOf(prerequisites);
        summary = summary == null ? null : summary.strip();
        remediation = remediation == null ? null : remediation.strip();
    }

    /** Read from YAML: kinds are named by their resource, as kubectl names them ({@code pods}, {@code deployments}). */
    @JsonCreator
    static CatalogueEntry fromYaml(@JsonProperty(value = "id", required = true) String id,
            @JsonProperty(value = "title", required = true) String title,
            @JsonProperty(value = "category", required = true) String category,
            @JsonProperty(value = "severity", required = true) Severity severity,
            @JsonProperty(value = "reads", required = true) List<String> reads,
            @JsonProperty("optionalReads") List<String> optionalReads,
            @JsonProperty("prerequisites") List<String> prerequisites,
            @JsonProperty(value = "summary", required = true) String summary,
            @JsonProperty(value = "remediation", required = true) String remediation,
            @JsonProperty(value = "runbookStep", required = true) String runbookStep) {
        return new CatalogueEntry(id, title, category, severity, kinds(reads), kinds(optionalReads), prerequisites,
                summary, remediation, runbookStep);
    }

    private static Set<ResourceKind> kinds(List<String> names) {
        Set<ResourceKind> out = EnumSet.noneOf(ResourceKind.class);
        for (String n : names == null ? List.<String>of() : names) {
            out.add(ResourceKind.ofResource(n).orElseThrow(() -> new IllegalArgumentException(
                    "unknown kind '" + n + "' (use the resource name, e.g. pods, deployments)")));
        }
        return out;
    }

    private static Set<ResourceKind> copy(Set<ResourceKind> kinds) {
        return kinds == null || kinds.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(kinds));
    }

    /** The doc page of a check, relative to the repository root. */
    public String docPath() {
        return "docs/checks/" + id + ".md";
    }

    /** What a check without a catalogue entry (a plugin that ships none) is shown as. */
    static CatalogueEntry missing(String id) {
        return new CatalogueEntry(id, id + " (no catalogue entry)", Categories.PLUGINS, Severity.ERROR, Set.of(), Set.of(),
                List.of(), "The check ships no checks/" + id + ".yaml.", "See the plugin's documentation.", "none");
    }
}
