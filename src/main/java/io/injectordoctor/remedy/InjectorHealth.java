package io.injectordoctor.remedy;

import java.util.List;

/** The result of one assessment: every check with its verdict. */
public record InjectorHealth(List<HealthCheck> checks) {
    public InjectorHealth {
        checks = List.copyOf(checks);
    }

    public boolean healthy() {
        return problems().isEmpty();
    }

    public List<HealthCheck> problems() {
        return checks.stream().filter(c -> c.status() == HealthCheck.Status.PROBLEM).toList();
    }
}
