package io.injectordoctor.checks.api;

import io.injectordoctor.checks.Check;
import io.injectordoctor.checks.CheckContext;
import io.injectordoctor.report.Finding;
import io.injectordoctor.report.Severity;
import io.injectordoctor.checks.Subjects;
import io.injectordoctor.cluster.ClusterSnapshot;
import io.injectordoctor.cluster.ResourceKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Each kind that could not be listed, with the reason and the command that confirms it. */
public final class ReadPermissions implements Check {
    
    @Override
    public String id() {
        return "ID0102";
    }


    @Override
    public List<Finding> run(CheckContext context) {
        ClusterSnapshot snapshot = context.snapshot();
        List<Finding> out = new ArrayList<>();
        // A kind the API server failed to give is no permission to grant: the run says it is partial instead.
        snapshot.unreadable().entrySet().stream()
                .filter(e -> !snapshot.failed().containsKey(e.getKey()))
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> {
                    ResourceKind k = e.getKey();
                    // Secrets are read by name (RBAC resourceNames), every other kind is listed.
                    String verb = k == ResourceKind.SECRET ? "get" : "list";
                    Map<String, Object> evidence = new LinkedHashMap<>();
                    evidence.put("verb", verb);
                    evidence.put("resource", k.qualifiedResource());
                    evidence.put("reason", e.getValue());
                    evidence.put("confirm", k == ResourceKind.SECRET
                            ? "kubectl -n " + snapshot.istioNamespace() + " auth can-i get secrets/istio-ca-secret"
                            : "kubectl auth can-i list " + k.qualifiedResource() + (k.namespaced() ? " -A" : ""));
                    out.add(new Finding(id(), Severity.WARNING, Subjects.of("Resource", null, k.qualifiedResource()),
                            "cannot " + verb + " " + k.qualifiedResource() + ": " + e.getValue()
                                    + "; the checks that need it are skipped or use what else they can read", evidence));
                });
        return out;
    }
}
