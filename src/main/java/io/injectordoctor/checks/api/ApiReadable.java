package io.injectordoctor.checks.api;

import io.injectordoctor.checks.Check;
import io.injectordoctor.checks.CheckContext;
import io.injectordoctor.report.Finding;
import io.injectordoctor.report.Severity;
import io.injectordoctor.cluster.ClusterSnapshot;
import io.injectordoctor.cluster.ResourceKind;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Nothing could be read at all: every other check would only report "skipped". */
public final class ApiReadable implements Check {
    
    @Override
    public String id() {
        return "ID0101";
    }


    @Override
    public List<Finding> run(CheckContext context) {
        ClusterSnapshot snapshot = context.snapshot();
        if (!snapshot.loaded().isEmpty()) {
            return List.of();
        }
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("source", snapshot.source());
        evidence.put("unreadable", snapshot.unreadable().keySet().stream().map(ResourceKind::qualifiedResource).sorted().toList());
        String message = snapshot.unreadable().isEmpty()
                ? "no object was read from " + snapshot.source()
                : "every read from " + snapshot.source() + " was refused";
        return List.of(new Finding(id(), Severity.ERROR, "Cluster " + snapshot.source(), message, evidence));
    }
}
