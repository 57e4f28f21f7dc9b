package io.injectordoctor.cli;

import io.injectordoctor.DoctorException;
import io.injectordoctor.app.ExplainService;
import io.injectordoctor.render.PodsTableText;
import io.injectordoctor.render.Structured;
import io.injectordoctor.report.Explanation;
import io.injectordoctor.report.PodRow;
import io.injectordoctor.report.PodsSummary;
import java.util.List;

/**
 * The output of {@code explain pods}, written as the pods are judged: a table row per pod, or an
 * item per pod in JSON and YAML. When the list fails part-way, what was written is closed off as
 * incomplete (JSON stays parseable) before the error line; when it fails at once, nothing is written.
 */
final class PodsOutput {
    /** A sink that keeps nothing: a fleet run needs each cluster's summary, not its pods. */
    static final ExplainService.PodsSink DISCARD = new ExplainService.PodsSink() {
        @Override
        public void pod(Explanation explanation, PodRow row) {
        }

        @Override
        public void stopped(PodsSummary sofar, List<Explanation.Finding> shared, DoctorException failure) {
        }

        @Override
        public void finished(PodsSummary summary, List<PodRow> recalled, List<Explanation.Finding> shared) {
        }
    };

    private PodsOutput() {
    }

    static ExplainService.PodsSink of(Output output) {
        return output.text() ? table(output) : items(output);
    }

    private static ExplainService.PodsSink table(Output output) {
        PodsTableText table = new PodsTableText(output.style(), output.out(), output.invocation());
        return new ExplainService.PodsSink() {
            @Override
            public void pod(Explanation explanation, PodRow row) {
                table.row(row);
            }

            @Override
            public void stopped(PodsSummary sofar, List<Explanation.Finding> shared, DoctorException failure) {
                if (sofar.pods() > 0) {
                    table.stopped(sofar);
                }
            }

            @Override
            public void finished(PodsSummary summary, List<PodRow> recalled, List<Explanation.Finding> shared) {
                table.finish(summary, recalled);
                table.shared(shared);
            }
        };
    }

    private static ExplainService.PodsSink items(Output output) {
        return new ExplainService.PodsSink() {
            private Structured.ListWriter items;

            // Opened with the first pod or at the end, so that a run that fails at once writes nothing.
            private Structured.ListWriter items() {
                if (items == null) {
                    items = new Structured.ListWriter(output.out(), output.yaml(), Explanation.SCHEMA_VERSION, "items",
                            output.invocation());
                }
                return items;
            }

            @Override
            public void pod(Explanation explanation, PodRow row) {
                items().item(explanation);
            }

            @Override
            public void stopped(PodsSummary sofar, List<Explanation.Finding> shared, DoctorException failure) {
                if (sofar.pods() > 0) {
                    items().finish("findings", shared, "summary", sofar, "incomplete", failure.getMessage());
                }
            }

            @Override
            public void finished(PodsSummary summary, List<PodRow> recalled, List<Explanation.Finding> shared) {
                items().finish("findings", shared, "summary", summary);
            }
        };
    }
}
