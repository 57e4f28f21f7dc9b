package io.injectordoctor.remedy;

import io.injectordoctor.render.Style;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The text form of a {@link RestartRecord}: target, what was done, before and after side by side. */
public final class RestartReport {
    private final Style style;

    public RestartReport(Style style) {
        this.style = style;
    }

    public void print(PrintWriter out, RestartRecord r) {
        InjectorTarget t = r.target();
        out.println(style.bold("Injector: deployment " + t.describe()) + (t.legacy() ? " [legacy layout]" : ""));
        for (HookRef h : t.hooks()) {
            out.println("  hook " + h.hookId() + " -> service " + h.serviceId() + ":" + h.port()
                    + " (target port " + h.targetPortText() + ")");
        }
        for (String w : r.warnings()) {
            out.println(style.warn(Style.WARN) + " " + w);
        }
        if (r.patch() != null) {
            out.println((r.dryRun() ? "Patch (dry run, dryRun=All, nothing changed): " : "Patch: ") + r.patch().type()
                    + ", fieldManager=" + r.patch().fieldManager());
            out.println("  " + r.patch().body());
        }
        if (r.rollout() != null) {
            out.println("Rollout: " + r.rollout());
        }
        out.println();
        table(out, r.before(), r.after());
        out.println();
        out.println(style.bold("Result: " + headline(r)));
        if (!r.nextSteps().isEmpty()) {
            out.println("Next steps:");
            for (String s : r.nextSteps()) {
                out.println("  - " + s);
            }
        }
        out.flush();
    }

    static String headline(RestartRecord r) {
        String id = r.target().id();
        return switch (r.result()) {
            case NOTHING_TO_DO -> "the injector looks healthy; nothing was restarted (use --force to restart anyway)";
            case DRY_RUN -> "dry run: the server accepted the patch for " + id + "; nothing was changed";
            case DECLINED -> "not restarted; nothing was changed";
            case FIXED -> "restarted " + id + "; the problems seen before are gone";
            case HEALTHY -> "restarted " + id + "; it is healthy";
            case STILL_BROKEN -> "restarted " + id + ", but a problem remains";
            case ROLLOUT_FAILED -> "the rollout of " + id + " failed";
            case TIMED_OUT -> "timed out waiting for the rollout of " + id + " and its endpoints";
        };
    }

    private void table(PrintWriter out, RestartRecord.Assessment before, RestartRecord.Assessment after) {
        Map<String, HealthCheck[]> rows = new LinkedHashMap<>();
        add(rows, before, 0);
        add(rows, after, 1);
        int width = Math.max(5, rows.keySet().stream().mapToInt(String::length).max().orElse(5));
        out.println((pad("CHECK", width) + "  " + pad("BEFORE", 10) + "  " + (after == null ? "" : "AFTER")).stripTrailing());
        for (Map.Entry<String, HealthCheck[]> e : rows.entrySet()) {
            HealthCheck b = e.getValue()[0];
            HealthCheck a = e.getValue()[1];
            out.println((pad(e.getKey(), width) + "  " + cell(b, 10) + "  " + (after == null ? "" : cell(a, 0))).stripTrailing());
        }
        details(out, "Before", before);
        details(out, "After", after);
    }

    private void details(PrintWriter out, String when, RestartRecord.Assessment a) {
        if (a == null) {
            return;
        }
        // The table already says "ok"; the evidence matters for what is not.
        List<HealthCheck> notOk = a.checks().stream().filter(c -> c.status() != HealthCheck.Status.OK).toList();
        if (notOk.isEmpty()) {
            return;
        }
        out.println(when + ":");
        for (HealthCheck c : notOk) {
            out.println("  " + mark(c) + " " + c.name() + ": " + c.detail());
        }
    }

    private static void add(Map<String, HealthCheck[]> rows, RestartRecord.Assessment a, int col) {
        if (a == null) {
            return;
        }
        for (HealthCheck c : a.checks()) {
            rows.computeIfAbsent(c.name(), k -> new HealthCheck[2])[col] = c;
        }
    }

    private String cell(HealthCheck c, int width) {
        if (c == null) {
            return pad("", width);
        }
        String word = switch (c.status()) {
            case OK -> "ok";
            case PROBLEM -> "problem";
            case UNKNOWN -> "unknown";
        };
        return mark(c) + " " + pad(word, Math.max(0, width - 2));
    }

    private String mark(HealthCheck c) {
        return switch (c.status()) {
            case OK -> style.ok(Style.OK);
            case PROBLEM -> style.fail(Style.FAIL);
            case UNKNOWN -> style.dim("?");
        };
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }
}
