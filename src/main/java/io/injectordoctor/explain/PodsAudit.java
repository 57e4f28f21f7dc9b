package io.injectordoctor.explain;

import io.injectordoctor.model.PodInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;

/**
 * {@code explain pods}: every pod, mismatches first, and a summary. A whole cluster does not fit in
 * memory as full explanations, so the first pass keeps one small row per pod and the explanations
 * are made again, one at a time, while they are written.
 */
public final class PodsAudit {
    /** One pod's line of the table, and where to find the pod again. */
    public record Row(int index, String namespace, String name, boolean inject, boolean sidecar, boolean consistent,
            String decisive) {
    }

    public record Summary(int pods, int consistent, int mismatches, int missingSidecar, int unexpectedSidecar,
            int expectedInjected, int withSidecar) {
    }

    private final List<PodInfo> pods;
    private final Explainer explainer;
    private final List<Row> rows;
    private final Summary summary;

    public PodsAudit(List<PodInfo> pods, Explainer explainer) {
        this.pods = List.copyOf(pods);
        this.explainer = explainer;
        List<Row> r = new ArrayList<>(pods.size());
        int consistent = 0;
        int missing = 0;
        int unexpected = 0;
        int expected = 0;
        int with = 0;
        for (int i = 0; i < this.pods.size(); i++) {
            Explanation e = explainer.explainPod(this.pods.get(i));
            boolean inject = e.reference().inject();
            boolean has = e.observed() != null && e.observed().sidecar();
            boolean ok = Boolean.TRUE.equals(e.consistent());
            r.add(new Row(i, e.subject().namespace(), e.subject().name(), inject, has, ok, e.reference().decisive()));
            consistent += ok ? 1 : 0;
            missing += inject && !has ? 1 : 0;
            unexpected += !inject && has ? 1 : 0;
            expected += inject ? 1 : 0;
            with += has ? 1 : 0;
        }
        r.sort(Comparator.comparing(Row::consistent).thenComparing(Row::namespace).thenComparing(Row::name));
        this.rows = List.copyOf(r);
        this.summary = new Summary(r.size(), consistent, missing + unexpected, missing, unexpected, expected, with);
    }

    public List<Row> rows() {
        return rows;
    }

    public Summary summary() {
        return summary;
    }

    public boolean anyMismatch() {
        return summary.mismatches() > 0;
    }

    /** The full explanations in table order, made one at a time. */
    public Iterator<Explanation> explanations() {
        Iterator<Row> it = rows.iterator();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return it.hasNext();
            }

            @Override
            public Explanation next() {
                return explainer.explainPod(pods.get(it.next().index()));
            }
        };
    }
}
