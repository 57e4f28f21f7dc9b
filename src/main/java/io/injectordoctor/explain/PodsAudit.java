package io.injectordoctor.explain;

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

    /** One pod's line of the table. */
    /** @param reference "inject" or "skip"; "refused" or "unknown" when the admission is (then nothing is compared) */
    public record Row(String namespace, String name, boolean inject, boolean sidecar, boolean consistent,
            String decisive, String reference) {
    }

    /** One pod: its full explanation, for JSON and YAML, and its row, for the table. */
    public record Audited(Explanation explanation, Row row) {
    }

    public record Summary(int pods, int consistent, int mismatches, int missingSidecar, int unexpectedSidecar,
            int expectedInjected, int withSidecar) {
    }

    private final Explainer explainer;
    private final List<Row> recalled = new ArrayList<>();
    private int pods;
    private int consistent;
    private int missing;
    private int unexpected;
    private int expected;
    private int with;
    private boolean errors;
    private boolean warnings;

    public PodsAudit(Explainer explainer) {
        this.explainer = explainer;
    }

    public Audited add(PodInfo pod) {
        Explanation e = explainer.explainPod(pod);
        boolean inject = Boolean.TRUE.equals(e.reference().inject());
        boolean has = e.observed() != null && e.observed().sidecar();
        boolean ok = Boolean.TRUE.equals(e.consistent());
        boolean mismatch = Boolean.FALSE.equals(e.consistent());
        String admission = e.reference().admission();
        String reference = "refused".equals(admission) || "unknown".equals(admission) ? admission : inject ? "inject" : "skip";
        Row row = new Row(e.subject().namespace(), e.subject().name(), inject, has, !mismatch, e.reference().decisive(),
                reference);
        pods++;
        consistent += ok ? 1 : 0;
        missing += mismatch && inject ? 1 : 0;
        unexpected += mismatch && !inject ? 1 : 0;
        expected += inject ? 1 : 0;
        with += has ? 1 : 0;
        errors |= e.hasErrors();
        warnings |= e.hasWarnings();
        if (mismatch && recalled.size() < RECALLED_MISMATCHES) {
            recalled.add(row);
        }
        return new Audited(e, row);
    }

    public Summary summary() {
        return new Summary(pods, consistent, missing + unexpected, missing, unexpected, expected, with);
    }

    /** The first {@link #RECALLED_MISMATCHES} mismatched pods, in the order they came. */
    public List<Row> recalledMismatches() {
        return List.copyOf(recalled);
    }

    public boolean anyMismatch() {
        return missing + unexpected > 0;
    }

    /** Some pod has a finding of severity error besides a mismatch (a config that does not parse, double injection). */
    public boolean anyErrors() {
        return errors;
    }

    public boolean anyWarnings() {
        return warnings;
    }
}
