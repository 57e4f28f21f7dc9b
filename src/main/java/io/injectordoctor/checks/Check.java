package io.injectordoctor.checks;

import io.injectordoctor.cluster.ClusterSnapshot;
import io.injectordoctor.cluster.ResourceKind;
import java.util.List;
import java.util.Set;

/**
 * One diagnosis, a pure function of a snapshot. Its wording (title, remediation, doc page) lives in
 * the catalogue under {@code checks/<id>.yaml}, keyed by {@link #id()}. Built-in checks are listed
 * in {@link BuiltInChecks}; plugins are found with {@link java.util.ServiceLoader}.
 */
public interface Check {
    /** A stable id: built-in checks use {@code IDccnn}, plugins their own upper-case prefix. */
    String id();

    /** The kinds this check reads; the loader fetches the union, and an unreadable kind skips the check. */
    Set<ResourceKind> reads();

    /** Kinds read when allowed but not needed: an unreadable one does not skip the check. */
    default Set<ResourceKind> optionalReads() {
        return Set.of();
    }

    /** Ids of checks that must pass first; when one fails or is skipped, this check is skipped. */
    default List<String> prerequisites() {
        return List.of();
    }

    List<Finding> run(ClusterSnapshot snapshot);
}
