package io.injectordoctor.explain;

import java.util.Comparator;
import java.util.List;

/** {@code explain pods}: every pod's explanation, mismatches first, and a summary. */
public record PodsReport(int schemaVersion, List<Explanation> items, Summary summary) {

    public record Summary(int pods, int consistent, int mismatches, int missingSidecar, int unexpectedSidecar,
            int expectedInjected, int withSidecar) {
    }

    public static PodsReport of(List<Explanation> explanations) {
        List<Explanation> sorted = explanations.stream()
                .sorted(Comparator.comparing((Explanation e) -> Boolean.TRUE.equals(e.consistent()))
                        .thenComparing(e -> e.subject().namespace())
                        .thenComparing(e -> e.subject().name()))
                .toList();
        int consistent = 0;
        int missing = 0;
        int unexpected = 0;
        int expected = 0;
        int with = 0;
        for (Explanation e : sorted) {
            boolean inject = e.reference().inject();
            boolean has = e.observed() != null && e.observed().sidecar();
            consistent += Boolean.TRUE.equals(e.consistent()) ? 1 : 0;
            missing += inject && !has ? 1 : 0;
            unexpected += !inject && has ? 1 : 0;
            expected += inject ? 1 : 0;
            with += has ? 1 : 0;
        }
        return new PodsReport(Explanation.SCHEMA_VERSION, sorted,
                new Summary(sorted.size(), consistent, missing + unexpected, missing, unexpected, expected, with));
    }
}
