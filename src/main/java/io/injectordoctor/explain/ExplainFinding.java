package io.injectordoctor.explain;

import io.injectordoctor.checks.Catalogue;
import io.injectordoctor.checks.CatalogueEntry;

/**
 * The findings {@code explain} can raise. Each is a check of the catalogue: its severity and
 * remediation come from {@code checks/<id>.yaml}, its explanation from {@code docs/checks/<id>.md}.
 */
public enum ExplainFinding {
    SIDECAR_MISSING("ID0601"),
    SIDECAR_UNEXPECTED("ID0602"),
    DOUBLE_INJECTION("ID0205"),
    WORKLOAD_METADATA("ID0501"),
    INJECTOR_CONFIG_MISSING("ID0301"),
    INJECTOR_CONFIG_UNPARSEABLE("ID0302"),
    POLICY_ILLEGAL("ID0303"),
    ADMISSION_REFUSED("ID0202");

    private static final Catalogue CATALOGUE = new Catalogue(ExplainFinding.class.getClassLoader());

    private final String id;

    ExplainFinding(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public Explanation.Finding with(String message) {
        CatalogueEntry e = CATALOGUE.entry(id);
        return new Explanation.Finding(id, e.severity().name(), message, e.remediation());
    }
}
