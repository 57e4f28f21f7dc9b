package io.injectordoctor.render;

import io.injectordoctor.explain.PodsAudit;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** {@code explain pods} as a table, mismatches first, then a summary line. */
public final class PodsTableText {
    private final Style style;

    public PodsTableText(Style style) {
        this.style = style;
    }

    public void write(PrintWriter out, PodsAudit audit) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"NAMESPACE", "POD", "REFERENCE", "OBSERVED", "RESULT", "WHY"});
        for (PodsAudit.Row r : audit.rows()) {
            rows.add(new String[] {r.namespace(), r.name(), r.inject() ? "inject" : "skip", r.sidecar() ? "sidecar" : "none",
                r.consistent() ? "ok" : "MISMATCH", r.decisive() == null ? "" : r.decisive()});
        }
        int[] width = new int[5];
        for (String[] r : rows) {
            for (int i = 0; i < 5; i++) {
                width[i] = Math.max(width[i], r[i].length());
            }
        }
        for (String[] r : rows) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < 5; i++) {
                String cell = pad(r[i], width[i]);
                sb.append(i == 4 && "MISMATCH".equals(r[i]) ? style.fail(cell) : cell).append("  ");
            }
            sb.append(r[5]);
            out.println(sb.toString().stripTrailing());
        }
        PodsAudit.Summary s = audit.summary();
        out.println();
        out.println(s.pods() + " pods: " + s.consistent() + " consistent, " + s.mismatches() + " mismatched ("
                + s.missingSidecar() + " missing the sidecar, " + s.unexpectedSidecar() + " with an unexpected sidecar); "
                + s.expectedInjected() + " should be injected, " + s.withSidecar() + " have istio-proxy.");
        if (s.mismatches() > 0) {
            out.println("Run 'injector-doctor explain pod/NAME -n NAMESPACE' for the trace and the fix of a mismatched pod.");
        }
        out.flush();
    }

    private static String pad(String s, int w) {
        return s + " ".repeat(Math.max(0, w - s.length()));
    }
}
