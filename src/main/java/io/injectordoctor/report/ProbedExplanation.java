package io.injectordoctor.report;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * The JSON/YAML model of {@code explain --probe}: the explanation's own fields unchanged, plus a
 * top-level {@code "probe"} object. Without --probe the explanation is rendered alone, so its
 * documented shape does not change.
 */
public record ProbedExplanation(@JsonUnwrapped Explanation explanation, ProbeResult probe) {
}
