package io.injectordoctor.render;

import io.injectordoctor.report.CertReport;
import io.injectordoctor.report.RootReport;
import io.injectordoctor.report.HookReport;
import io.injectordoctor.report.IdentityVerdict;
import io.injectordoctor.report.ServedChainVerdict;
import io.injectordoctor.report.CertIdentity;
import io.injectordoctor.report.CertFinding;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The text form of a CertReport, in the manner of {@code linkerd check}: a header per category,
 * one line per check ({@code √ ‼ × -}), indented evidence and findings, and where to read more.
 */
public final class CertReportText {
    private static final String DOC = "docs/check-certs.md";
    private final Style style;
    private final io.injectordoctor.report.Invocation invocation;
    private final StringBuilder out = new StringBuilder();

    private CertReportText(Style style, io.injectordoctor.report.Invocation invocation) {
        this.style = style.marked();
        this.invocation = invocation;
    }

    public static String render(CertReport r, Style style, io.injectordoctor.report.Invocation invocation) {
        return new CertReportText(style, invocation).all(r);
    }

    private String all(CertReport r) {
        header("mesh root");
        RootReport root = r.root();
        List<String> rootEvidence = new ArrayList<>();
        if (root.source() != null) {
            rootEvidence.add("source: " + root.source());
            root.certificates().forEach(c -> rootEvidence.add(cert(c)));
            rootEvidence.add("runbook md5 " + root.runbookDigest().md5() + "  <- " + root.runbookDigest().command());
        }
        check(CertCheck.ROOT_FOUND, r, f -> true, rootEvidence);
        check(CertCheck.ROOT_VALID, r, f -> true, root.validity().stream().map(v -> v.subject() + ": " + v.describe())
                .toList());
        if (r.hooks().isEmpty()) {
            header("injection webhooks");
            check(CertCheck.WEBHOOKS_FOUND, r, f -> true, List.of());
        }
        for (Map.Entry<String, List<HookReport>> e : byConfiguration(r.hooks()).entrySet()) {
            HookReport first = e.getValue().get(0);
            header("mutatingwebhookconfiguration/" + e.getKey()
                    + (first.revision() == null ? "" : " (revision " + first.revision() + ")"));
            String subjectPrefix = "mutatingwebhookconfiguration/" + e.getKey();
            check(CertCheck.PATCHED_BY_ISTIOD, r, f -> f.subject().equals(subjectPrefix), List.of());
            for (List<HookReport> group : groups(e.getValue()).values()) {
                hooks(r, group, subjectPrefix);
            }
        }
        summary(r);
        java.io.StringWriter text = new java.io.StringWriter();
        java.io.PrintWriter safe = SafeText.writer(new java.io.PrintWriter(text), style);
        safe.print(out);
        safe.flush();
        return text.toString();
    }

    private void hooks(CertReport r, List<HookReport> group, String subjectPrefix) {
        HookReport h = group.get(0);
        line("  hooks: " + String.join(", ", group.stream().map(HookReport::hook).toList()) + " -> "
                + h.target().describe() + ", failurePolicy " + h.failurePolicy());
        List<String> names = group.stream().map(HookReport::hook).toList();
        Predicate<CertFinding> mine = f -> f.subject().startsWith(subjectPrefix + " ") && f.hooks().equals(names);
        List<String> bundle = new ArrayList<>();
        h.bundle().certificates().forEach(c -> bundle.add(cert(c)));
        bundle.add("runbook md5 " + h.bundle().runbookDigest().md5() + "  <- " + h.bundle().runbookDigest().command());
        check(CertCheck.BUNDLE_USABLE, r, mine, bundle);
        IdentityVerdict.Status compared = h.identity().status();
        if (compared == IdentityVerdict.Status.ROOT_UNKNOWN || compared == IdentityVerdict.Status.BUNDLE_UNUSABLE) {
            // Nothing was compared: a pass mark would claim what was not checked.
            line(style.symbol(Style.SKIP) + " " + CertCheck.BUNDLE_HAS_ROOT.description());
            line("    " + style.dim(h.identity().detail()));
        } else {
            check(CertCheck.BUNDLE_HAS_ROOT, r, mine, List.of(h.identity().detail()));
        }
        check(CertCheck.BUNDLE_VALID, r, mine, h.bundle().validity().stream()
                .map(v -> v.subject() + ": " + v.describe()).toList());
        ServedChainVerdict s = h.servedChain();
        List<String> served = new ArrayList<>();
        if (!s.chain().isEmpty()) {
            served.add("served by " + s.address() + " for " + s.dnsName());
            s.chain().forEach(c -> served.add(cert(c)));
        }
        check(CertCheck.SERVED_TRUSTED, r, mine, served);
    }

    private void check(CertCheck check, CertReport r, Predicate<CertFinding> subject, List<String> evidence) {
        List<CertFinding> fs = r.findings().stream()
                .filter(f -> check.codes().contains(f.code()) && subject.test(f)).toList();
        String mark = mark(fs);
        line(mark + " " + check.description());
        boolean problem = fs.stream().anyMatch(f -> f.severity() != CertFinding.Severity.INFO);
        if (problem || fs.isEmpty()) {
            evidence.forEach(e -> line("    " + style.dim(e)));
        }
        for (CertFinding f : fs) {
            line("    " + f.message());
            if (f.severity() != CertFinding.Severity.INFO || !f.remediation().startsWith("None")) {
                line("    fix: " + f.remediation());
            }
        }
        if (problem) {
            line("    docs: " + DocLinks.command(DOC + "#" + fs.get(0).code().toLowerCase(Locale.ROOT), invocation));
        }
    }

    private String mark(List<CertFinding> fs) {
        if (fs.stream().anyMatch(f -> f.severity() == CertFinding.Severity.ERROR)) {
            return style.fail(Style.FAIL);
        }
        if (fs.stream().anyMatch(f -> f.severity() == CertFinding.Severity.WARNING)) {
            return style.warn(Style.WARN);
        }
        if (fs.stream().anyMatch(f -> f.code().equals("PROBE_SKIPPED"))) {
            return Style.SKIP;
        }
        return style.ok(Style.OK);
    }

    private void summary(CertReport r) {
        long errors = r.findings().stream().filter(f -> f.severity() == CertFinding.Severity.ERROR).count();
        long warnings = r.findings().stream().filter(f -> f.severity() == CertFinding.Severity.WARNING).count();
        line("");
        String mark = errors > 0 ? style.fail(Style.FAIL) : warnings > 0 ? style.warn(Style.WARN) : style.ok(Style.OK);
        line("Status check results are " + mark + " (" + errors + " error(s), " + warnings + " warning(s); "
                + r.hooks().size() + " injection hook(s) checked on " + r.cluster() + ")");
        partial(r.notRead()).forEach(this::line);
    }

    /** What a partial result lacks, after the summary; shared with check's text. */
    static List<String> partial(List<String> notRead) {
        if (notRead.isEmpty()) {
            return List.of();
        }
        List<String> lines = new ArrayList<>();
        lines.add("Partial result: what needs the following was not checked (exit code 2 unless a finding fails the run):");
        notRead.forEach(n -> lines.add("  " + n));
        return lines;
    }

    private static String cert(CertIdentity c) {
        return c.subject() + "  sha256 " + c.sha256() + (c.ca() ? "  CA" : "")
                + (c.dnsNames().isEmpty() ? "" : "  DNS " + String.join(",", c.dnsNames()));
    }

    private void header(String title) {
        if (out.length() > 0) {
            out.append('\n');
        }
        line(style.bold(title));
        line("-".repeat(title.length()));
    }

    private void line(String s) {
        out.append(s).append('\n');
    }

    private static Map<String, List<HookReport>> byConfiguration(List<HookReport> hooks) {
        Map<String, List<HookReport>> m = new LinkedHashMap<>();
        hooks.forEach(h -> m.computeIfAbsent(h.configuration(), k -> new ArrayList<>()).add(h));
        return m;
    }

    /** Hooks sharing a caBundle and a target, the same grouping as the findings use. */
    private static Map<String, List<HookReport>> groups(List<HookReport> hooks) {
        Map<String, List<HookReport>> m = new LinkedHashMap<>();
        hooks.forEach(h -> m.computeIfAbsent(h.bundle().runbookDigest().md5() + h.target(), k -> new ArrayList<>()).add(h));
        return m;
    }
}
