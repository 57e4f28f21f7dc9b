package io.injectordoctor.checks;

import io.injectordoctor.cluster.ClusterSnapshot;
import io.injectordoctor.cluster.ResourceKind;
import io.injectordoctor.report.CheckReport;
import io.injectordoctor.report.CheckResult;
import io.injectordoctor.report.Finding;
import io.injectordoctor.report.Severity;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Runs the selected checks against one context. A check whose input kind could not be read, or
 * whose prerequisite failed or was skipped, is skipped with the reason. Prerequisites run first
 * whatever their category; a prerequisite that is not selected is not enforced. A check that
 * throws fails with the exception as its finding instead of stopping the run.
 */
public final class Runner {
    private final CheckRegistry registry;

    public Runner(CheckRegistry registry) {
        this.registry = registry;
    }

    /** The kinds the selected checks read: what the loader should fetch. */
    public Set<ResourceKind> kinds(RunOptions options) {
        Set<ResourceKind> kinds = EnumSet.noneOf(ResourceKind.class);
        for (Check c : registry.checks()) {
            if (options.selects(c.id())) {
                CatalogueEntry e = registry.entry(c.id());
                kinds.addAll(e.reads());
                kinds.addAll(e.optionalReads());
            }
        }
        return kinds;
    }

    public CheckReport run(ClusterSnapshot snapshot, RunOptions options) {
        return run(CheckContext.of(snapshot), options);
    }

    public CheckReport run(CheckContext context, RunOptions options) {
        Execution ex = new Execution(context, options);
        Map<String, List<CheckResult>> byCategory = new TreeMap<>(Categories.COMPARATOR);
        for (Check c : registry.ordered()) {
            if (options.selects(c.id())) {
                CheckResult r = ex.result(c);
                byCategory.computeIfAbsent(r.category(), k -> new ArrayList<>()).add(r);
            }
        }
        List<CheckReport.CategoryResult> cats = new ArrayList<>();
        byCategory.forEach((name, results) -> cats.add(new CheckReport.CategoryResult(name, results)));
        return new CheckReport(context.snapshot().source(), cats);
    }

    private final class Execution {
        private final CheckContext context;
        private final ClusterSnapshot snapshot;
        private final RunOptions options;
        private final Suppressions suppressions;
        private final Map<String, CheckResult> done = new LinkedHashMap<>();
        private final Set<String> running = new HashSet<>();

        Execution(CheckContext context, RunOptions options) {
            this.context = context;
            this.snapshot = context.snapshot();
            this.options = options;
            this.suppressions = new Suppressions(snapshot);
        }

        CheckResult result(Check c) {
            CheckResult r = done.get(c.id());
            if (r != null) {
                return r;
            }
            if (!running.add(c.id())) {
                throw new IllegalStateException("prerequisite cycle through check " + c.id());
            }
            r = execute(c);
            running.remove(c.id());
            done.put(c.id(), r);
            return r;
        }

        private CheckResult execute(Check c) {
            CatalogueEntry entry = registry.entry(c.id());
            for (ResourceKind k : entry.reads()) {
                String why = snapshot.unreadable().get(k);
                if (why != null) {
                    return skipped(entry, "cannot read " + k.qualifiedResource() + ": " + why);
                }
                // A dump that holds no object of a kind says nothing about it: skip rather than guess.
                if (!snapshot.isLoaded(k)) {
                    return skipped(entry, k.qualifiedResource() + " were not read (not in the snapshot?)");
                }
            }
            for (String pre : entry.prerequisites()) {
                Check p = registry.find(pre).orElse(null);
                if (p == null || !options.selects(pre)) {
                    continue;
                }
                CheckResult pr = result(p);
                if (pr.status() == CheckResult.Status.FAILED || pr.status() == CheckResult.Status.SKIPPED) {
                    return skipped(entry, "prerequisite " + pre + " (" + registry.entry(pre).title() + ") "
                            + (pr.status() == CheckResult.Status.FAILED ? "failed" : "was skipped"));
                }
            }
            List<Finding> raw;
            try {
                raw = c.run(context);
            } catch (RuntimeException e) {
                raw = List.of(new Finding(c.id(), Severity.ERROR, "Check " + c.id(),
                        "the check itself failed: " + e, Map.of("exception", e.getClass().getName())));
            }
            List<Finding> kept = new ArrayList<>();
            List<Finding> suppressed = new ArrayList<>();
            for (Finding f : raw) {
                (suppressions.suppressed(f) ? suppressed : kept).add(f);
            }
            return new CheckResult(entry.id(), entry.title(), entry.category(), entry.severity(),
                    CheckResult.statusOf(kept), null, kept, suppressed, entry.remediation(), entry.docPath());
        }

        private CheckResult skipped(CatalogueEntry e, String reason) {
            return new CheckResult(e.id(), e.title(), e.category(), e.severity(), CheckResult.Status.SKIPPED, reason,
                    List.of(), List.of(), e.remediation(), e.docPath());
        }
    }
}
