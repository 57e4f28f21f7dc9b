package io.injectordoctor.render;

import io.injectordoctor.report.ProbeResult;
import java.io.PrintWriter;
import java.util.List;

/** The {@code --probe} section of {@code explain}: what the live admission chain did, beside the reference. */
public final class ProbeText {
    private final Style style;

    public ProbeText(Style style) {
        this.style = style.marked();
    }

    public void write(PrintWriter target, ProbeResult p) {
        PrintWriter out = SafeText.writer(target, style);
        if (p.refused()) {
            out.println("Probe: " + style.warn("NOT SENT") + " (nothing was sent to the admission chain)");
            out.println("  " + p.detail());
            out.println();
            out.flush();
            return;
        }
        out.println("Probe: dry-run create of pod/" + p.probePod() + " in namespace " + p.namespace()
                + " (dryRun=All, nothing created)");
        String live = switch (p.outcome()) {
            case INJECTED -> style.ok("INJECTED");
            case NOT_INJECTED -> style.warn("NOT INJECTED");
            default -> style.fail("REJECTED");
        };
        out.println("  Live chain: " + live + ": " + p.detail());
        if (p.apiError() != null) {
            out.println("    " + p.apiError());
        }
        if (p.cause() != null) {
            out.println("    cause: " + p.cause() + " (injector-doctor docs webhook-errors#" + p.cause() + ")");
        }
        list(out, "containers added", p.containersAdded());
        list(out, "init containers added", p.initContainersAdded());
        list(out, "volumes added", p.volumesAdded());
        if ("refused".equals(p.referenceAdmission())) {
            out.println("  Reference verdict: REFUSED: " + p.referenceRefusal());
        } else if ("unknown".equals(p.referenceAdmission())) {
            out.println("  Reference verdict: UNKNOWN (nothing to compare)");
        } else if (p.referenceInject() != null) {
            out.println("  Reference verdict: " + (p.referenceInject() ? "INJECT" : "NO INJECTION"));
        }
        if (p.agrees() != null) {
            out.println("  " + (p.agrees() ? style.ok(Style.OK) + " the live chain agrees with the reference"
                    : style.fail(Style.FAIL) + " the live chain " + disagreement(p)));
        }
        out.println();
        out.flush();
    }

    private static String disagreement(ProbeResult p) {
        if ("refused".equals(p.referenceAdmission())) {
            return "creates the pod: the reference expects the API server to refuse it";
        }
        return switch (p.outcome()) {
            case REJECTED -> "refuses the pod: the reference expects it to be created"
                    + (Boolean.TRUE.equals(p.referenceInject()) ? " with istio-proxy" : " without istio-proxy");
            case INJECTED -> "injects, the reference does not";
            default -> "does not inject, the reference does";
        };
    }

    private static void list(PrintWriter out, String title, List<String> names) {
        if (!names.isEmpty()) {
            out.println("    " + title + ": " + String.join(", ", names));
        }
    }
}
