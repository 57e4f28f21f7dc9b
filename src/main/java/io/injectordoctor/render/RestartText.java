package io.injectordoctor.render;

import io.injectordoctor.report.HookRef;
import io.injectordoctor.report.InjectorTarget;
import io.injectordoctor.report.RestartRecord;
import io.injectordoctor.report.RestartRecord.Change;
import io.injectordoctor.report.RestartRecord.Status;
import java.io.PrintWriter;
import java.util.List;

/**
 * The text form of a restart: the target, what was done, and the catalogue's checks before and
 * after side by side, with what the restart cleared, what remains and what is new.
 */
public final class RestartText {
    private final Style style;

    public RestartText(Style style) {
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
        table(out, r);
        details(out, r);
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

    public static String headline(RestartRecord r) {
        String id = r.target().id();
        return switch (r.result()) {
            case NOTHING_TO_DO -> "the injector looks healthy; nothing was restarted (use --force to restart anyway)";
            case DRY_RUN -> "dry run: the server accepted the patch for " + id + "; nothing was changed";
            case DECLINED -> "not restarted; nothing was changed";
            case FIXED -> "restarted " + id + "; the problems seen before are gone";
            case HEALTHY -> "restarted " + id + "; it is healthy";
            case STILL_BROKEN -> "restarted " + id + ", but a problem remains";
            case ROLLOUT_FAILED -> "restarted " + id + ", but the rollout failed";
            case TIMED_OUT -> "restarted " + id + ", but timed out waiting for the rollout and its endpoints";
            case RESTARTED_OUTCOME_UNKNOWN -> "restarted " + id + ", but its outcome is unknown: " + r.outcome();
        };
    }

    private void table(PrintWriter out, RestartRecord r) {
        boolean after = r.after() != null;
        int width = Math.max(5, r.changes().stream().mapToInt(c -> label(c).length()).max().orElse(5));
        out.println((pad("CHECK", width) + "  " + pad("BEFORE", 10) + "  " + (after ? "AFTER" : "")).stripTrailing());
        for (Change c : r.changes()) {
            out.println((pad(label(c), width) + "  " + cell(c.before(), 10) + "  " + (after ? cell(c.after(), 0) : ""))
                    .stripTrailing());
        }
    }

    private void details(PrintWriter out, RestartRecord r) {
        if (r.after() == null) {
            section(out, "Found:", r.before().checks().stream().filter(c -> c.status() != Status.OK)
                    .flatMap(c -> c.findings().stream().map(f -> mark(c.status()) + " " + c.id() + " " + f)).toList());
        } else {
            section(out, "Gone after the restart:", r.changes().stream()
                    .flatMap(c -> c.resolved().stream().map(f -> style.ok(Style.OK) + " " + c.id() + " " + f)).toList());
            section(out, "Still there:", r.changes().stream()
                    .flatMap(c -> c.remaining().stream().map(f -> mark(c.after()) + " " + c.id() + " " + f)).toList());
            section(out, "New after the restart:", r.changes().stream()
                    .flatMap(c -> c.appeared().stream().map(f -> mark(c.after()) + " " + c.id() + " " + f)).toList());
        }
        List<String> unknown = r.before().checks().stream().filter(c -> c.status() == Status.UNKNOWN)
                .map(c -> mark(Status.UNKNOWN) + " " + c.id() + " not judged: " + c.skipReason()).toList();
        section(out, "Not judged:", unknown);
    }

    private static void section(PrintWriter out, String title, List<String> lines) {
        if (lines.isEmpty()) {
            return;
        }
        out.println(title);
        lines.forEach(l -> out.println("  " + l));
    }

    private static String label(Change c) {
        return c.id() + " " + c.title();
    }

    private String cell(Status s, int width) {
        if (s == null) {
            return pad("", width);
        }
        String word = switch (s) {
            case OK -> "ok";
            case WARNING -> "warning";
            case PROBLEM -> "problem";
            case UNKNOWN -> "unknown";
        };
        return mark(s) + " " + pad(word, Math.max(0, width - 2));
    }

    private String mark(Status s) {
        return switch (s) {
            case OK -> style.ok(Style.OK);
            case WARNING -> style.warn(Style.WARN);
            case PROBLEM -> style.fail(Style.FAIL);
            case UNKNOWN -> style.dim("?");
        };
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }
}
