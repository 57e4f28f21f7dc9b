package io.injectordoctor.checks.api;

import io.injectordoctor.checks.Check;
import io.injectordoctor.checks.Finding;
import io.injectordoctor.checks.Severity;
import io.injectordoctor.cluster.ClusterSnapshot;
import io.injectordoctor.cluster.ResourceKind;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Nothing could be read at all: every other check would only report "skipped". */
public final class ApiReadable implements Check {
    public static final String ID = "ID0101";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Set<ResourceKind> reads() {
        return Set.of();
    }

    @Override
    public List<Finding> run(ClusterSnapshot snapshot) {
        if (!snapshot.loaded().isEmpty()) {
            return List.of();
        }
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("source", snapshot.source());
        evidence.put("unreadable", snapshot.unreadable().keySet().stream().map(ResourceKind::qualifiedResource).sorted().toList());
        String message = snapshot.unreadable().isEmpty()
                ? "no object was read from " + snapshot.source()
                : "every read from " + snapshot.source() + " was refused";
        return List.of(new Finding(ID, Severity.ERROR, "Cluster " + snapshot.source(), message, evidence));
    }
}
