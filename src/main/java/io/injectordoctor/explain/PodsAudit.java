package io.injectordoctor.explain;

import io.injectordoctor.report.Explanation;
import io.injectordoctor.report.PodRow;
import io.injectordoctor.report.PodsSummary;
import io.injectordoctor.model.PodInfo;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code explain pods}: pods are explained one at a time as they arrive, in the order of their
 * source, and only counters and the first few mismatches are kept, so a whole cluster is audited
 * in the memory of one page.
 */
public final class PodsAudit {
    /** Mismatches recalled by name at the end; the rest are counted (and marked in the table). */
    public static final int RECALLED_MISMATCHES = 20;

    /** One pod: its full explanation, for JSON and YAML, and its row, for the table. */
    public record Audited(Explanation explanation, PodRow row) {
    }

    private final Explainer explainer;
    private final List<PodRow> recalled = new ArrayList<>();
    private int pods;
    private int consistent;
    private int missing;
    private int unexpected;
    private int expected;
    private int with;
    private int infrastructure;
    private int ambient;
    private final java.util.Set<io.injectordoctor.report.Severity> severities =
            java.util.EnumSet.noneOf(io.injectordoctor.report.Severity.class);

    public PodsAudit(Explainer explainer) {
        this.explainer = explainer;
    }

    public Audited add(PodInfo pod) {
        Explanation e = explainer.explainPodInList(pod);
        boolean inject = Boolean.TRUE.equals(e.reference().inject());
        boolean has = e.observed() != null && e.observed().sidecar();
        boolean ok = Boolean.TRUE.equals(e.consistent());
        boolean mismatch = Boolean.FALSE.equals(e.consistent());
        String admission = e.reference().admission();
        String reference = "refused".equals(admission) || "unknown".equals(admission) ? admission : inject ? "inject" : "skip";
        PodRow row = new PodRow(e.subject().namespace(), e.subject().name(), inject, has, !mismatch,
                e.reference().decisive(), reference, observedWords(e.observed()));
        pods++;
        infrastructure += e.observed() != null && "mesh-infrastructure".equals(e.observed().proxy()) ? 1 : 0;
        ambient += e.observed() != null && "ambient".equals(e.observed().dataplane()) ? 1 : 0;
        consistent += ok ? 1 : 0;
        missing += mismatch && inject ? 1 : 0;
        unexpected += mismatch && !inject ? 1 : 0;
        expected += inject ? 1 : 0;
        with += has ? 1 : 0;
        e.findings().forEach(f -> severities.add(io.injectordoctor.report.Severity.valueOf(f.severity())));
        if (mismatch && recalled.size() < RECALLED_MISMATCHES) {
            recalled.add(row);
        }
        return new Audited(e, row);
    }

    /** Findings of what the pods share (their namespaces and the control plane), counted once. */
    public void shared(List<Explanation.Finding> findings) {
        findings.forEach(f -> severities.add(io.injectordoctor.report.Severity.valueOf(f.severity())));
    }

    public PodsSummary summary() {
        return new PodsSummary(pods, consistent, missing + unexpected, missing, unexpected, expected, with, infrastructure,
                ambient);
    }

    /** The table's OBSERVED cell: the proxy, which built-in one, ztunnel for an ambient pod, a proxy never injected. */
    static String observedWords(Explanation.Observed o) {
        if (o == null) {
            return "-";
        }
        if (o.builtIn() != null) {
            return o.builtIn() + " (built in)";
        }
        if (o.awaitingInjection()) {
            return o.proxy() + " (image: auto)";
        }
        if ("none".equals(o.proxy()) && "ambient".equals(o.dataplane())) {
            return "ambient (ztunnel)";
        }
        return o.proxy();
    }

    /** The first {@link #RECALLED_MISMATCHES} mismatched pods, in the order they came. */
    public List<PodRow> recalledMismatches() {
        return List.copyOf(recalled);
    }

    public boolean anyMismatch() {
        return missing + unexpected > 0;
    }

    /** The one rule of every command: some pod has a finding at or above the threshold. */
    public boolean passes(io.injectordoctor.report.Severity threshold) {
        return severities.stream().noneMatch(s -> s.fails(threshold));
    }
}
