package io.injectordoctor.checks;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One check as data ({@code checks/<id>.yaml}). {@code title} reads as a statement that holds when
 * the check passes ("injection webhooks are present"); {@code severity} is the worst a finding of
 * this check can be; {@code runbookStep} names the step of the runbook the check automates.
 */
public record CatalogueEntry(String id, String title, String category, Severity severity, String summary,
        String remediation, String runbookStep) {
    @JsonCreator
    public CatalogueEntry(@JsonProperty(value = "id", required = true) String id,
            @JsonProperty(value = "title", required = true) String title,
            @JsonProperty(value = "category", required = true) String category,
            @JsonProperty(value = "severity", required = true) Severity severity,
            @JsonProperty(value = "summary", required = true) String summary,
            @JsonProperty(value = "remediation", required = true) String remediation,
            @JsonProperty(value = "runbookStep", required = true) String runbookStep) {
        this.id = id;
        this.title = title;
        this.category = category;
        this.severity = severity;
        this.summary = summary == null ? null : summary.strip();
        this.remediation = remediation == null ? null : remediation.strip();
        this.runbookStep = runbookStep;
    }

    /** The doc page of a check, relative to the repository root. */
    public String docPath() {
        return "docs/checks/" + id + ".md";
    }

    /** What a check without a catalogue entry (a plugin that ships none) is shown as. */
    static CatalogueEntry missing(String id) {
        return new CatalogueEntry(id, id + " (no catalogue entry)", Categories.PLUGINS, Severity.ERROR,
                "The check ships no checks/" + id + ".yaml.", "See the plugin's documentation.", "none");
    }
}
