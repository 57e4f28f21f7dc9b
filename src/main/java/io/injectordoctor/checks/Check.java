package io.injectordoctor.checks;

import io.injectordoctor.report.Finding;
import java.util.List;

/**
 * One diagnosis, a pure function of a run's {@link CheckContext}. Everything else about a check
 * lives in its catalogue entry {@code checks/<id>.yaml}: title, category, severity, the kinds it
 * reads, its prerequisites and its wording. Built-in checks are listed in {@link BuiltInChecks};
 * plugins are found with {@link java.util.ServiceLoader}.
 */
public interface Check {
    /** The key of its catalogue entry: built-in checks use {@code IDnnnn}, plugins their own prefix. */
    String id();

    List<Finding> run(CheckContext context);
}
