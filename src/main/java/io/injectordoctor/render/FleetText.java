package io.injectordoctor.render;

import io.injectordoctor.report.FleetReport;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One row per cluster: context, status, and the command's own summary or its error. */
public final class FleetText {
    private final Style style;

    public FleetText(Style style) {
        this.style = style.marked();
    }

    public void write(PrintWriter target, FleetReport report) {
        String command = report.command();
        List<FleetReport.Cluster> rows = report.clusters();
        PrintWriter out = SafeText.writer(target, style);
        List<String[]> table = new ArrayList<>();
        table.add(new String[] {"CONTEXT", "STATUS", "DETAIL"});
        int healthy = 0;
        for (FleetReport.Cluster r : rows) {
            healthy += "healthy".equals(r.status()) ? 1 : 0;
            table.add(new String[] {r.context(), r.status(), r.error() != null ? r.error() : summary(r.summary())});
        }
        int w0 = table.stream().mapToInt(t -> t[0].length()).max().orElse(0);
        int w1 = table.stream().mapToInt(t -> t[1].length()).max().orElse(0);
        for (String[] t : table) {
            String status = pad(t[1], w1);
            status = switch (t[1]) {
                case "healthy" -> style.ok(status);
                case "findings" -> style.warn(status);
                case "STATUS" -> status;
                default -> style.fail(status);
            };
            out.println((pad(t[0], w0) + "  " + status + "  " + t[2]).stripTrailing());
        }
        out.println();
        out.println(command + " on " + rows.size() + " clusters: " + healthy + " healthy, " + (rows.size() - healthy)
                + " not. Run the command with --context NAME for the details of one cluster.");
        out.flush();
    }

    private static String summary(Object s) {
        if (s == null) {
            return "";
        }
        com.fasterxml.jackson.databind.JsonNode j = Structured.tree(s);
        if (!j.isObject()) {
            return j.asText();
        }
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, com.fasterxml.jackson.databind.JsonNode> e : j.properties()) {
            parts.add(e.getKey() + "=" + e.getValue().asText());
        }
        return String.join(" ", parts);
    }

    private static String pad(String s, int w) {
        return s + " ".repeat(Math.max(0, w - s.length()));
    }
}
