package io.injectordoctor.checks.certs;

import io.injectordoctor.certs.CertDiagnosis;
import io.injectordoctor.report.CertFinding;
import io.injectordoctor.report.CertReport;
import io.injectordoctor.checks.Check;
import io.injectordoctor.checks.CheckContext;
import io.injectordoctor.report.Finding;
import io.injectordoctor.report.Severity;
import io.injectordoctor.cluster.ClusterSnapshot;
import io.injectordoctor.cluster.ResourceKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The runbook's x509 step: each injection hook's caBundle must hold the mesh root, in date. The
 * findings are those of check-certs' analysis, without its TLS probe: a check reads only the
 * snapshot, so whether the injector serves a chain the bundle trusts is left to check-certs.
 */
public final class CaBundleTrustsRoot implements Check {
    
    @Override
    public String id() {
        return "ID0701";
    }




    @Override
    public List<Finding> run(CheckContext context) {
        ClusterSnapshot snapshot = context.snapshot();
        CertReport report = CertDiagnosis.analyze(snapshot, Optional.empty(), Map.of(), context.now(),
                CertDiagnosis.DEFAULT_EXPIRY_WARNING);
        List<Finding> out = new ArrayList<>();
        for (CertFinding f : report.findings()) {
            if (f.code().startsWith("PROBE_") || f.code().equals("NO_INJECTION_WEBHOOK")) {
                continue;
            }
            Map<String, Object> evidence = new LinkedHashMap<>();
            evidence.put("code", f.code());
            evidence.put("hooks", f.hooks());
            evidence.put("fix", f.remediation());
            out.add(new Finding(id(), Severity.valueOf(f.severity().name()), subject(f.subject()), f.message(), evidence));
        }
        return out;
    }

    /** check-certs says "mutatingwebhookconfiguration/NAME (…)"; findings name "Kind ns/name". */
    static String subject(String s) {
        if (s == null) {
            return "MutatingWebhookConfiguration";
        }
        String head = s.contains(" ") ? s.substring(0, s.indexOf(' ')) : s;
        int slash = head.indexOf('/');
        if (slash < 0) {
            return s;
        }
        String kind = head.substring(0, slash);
        String name = head.substring(slash + 1);
        return switch (kind) {
            case "mutatingwebhookconfiguration" -> "MutatingWebhookConfiguration " + name;
            case "configmap" -> "ConfigMap " + name;
            case "secret" -> "Secret " + name;
            default -> s;
        };
    }
}
