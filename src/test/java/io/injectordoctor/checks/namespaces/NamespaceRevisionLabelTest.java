package io.injectordoctor.checks.namespaces;

import static org.assertj.core.api.Assertions.assertThat;

import io.injectordoctor.checks.CheckTester;
import io.injectordoctor.report.Finding;
import io.injectordoctor.checks.Fixtures;
import io.injectordoctor.report.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

class NamespaceRevisionLabelTest {
    @Test
    void firesOnAValueOtherThanEnabledAndOnAnUnservedRevision() {
        List<Finding> f = CheckTester.problems(new NamespaceRevisionLabel(), Fixtures.healthyWith("ID0401/fires.yaml"));

        assertThat(f).extracting(Finding::subject, Finding::message).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Namespace payments",
                        "istio-injection=true selects no hook: only 'enabled' opts in, so this namespace is opted out"),
                org.assertj.core.groups.Tuple.tuple("Namespace orders",
                        "istio.io/rev=canary names no revision or tag that an injection webhook serves [default]"));
        // The commands name the namespace and the revisions really served.
        assertThat(f.get(0).fix()).containsExactly(io.injectordoctor.report.Advice.run(io.injectordoctor.report.Command
                .kubectl("label", "namespace", "payments", "istio-injection=enabled", "--overwrite")));
        assertThat(f.get(1).fix()).containsExactly(io.injectordoctor.report.Advice.run(io.injectordoctor.report.Command
                .kubectl("label", "namespace", "orders", "istio.io/rev=default", "--overwrite")));
    }

    @Test
    void staysQuietOnServedRevisionsAndReportsThem() {
        List<Finding> f = CheckTester.run(new NamespaceRevisionLabel(), Fixtures.healthyWith("ID0401/dont-fire.yaml"));

        assertThat(f).allSatisfy(x -> assertThat(x.severity()).isEqualTo(Severity.INFO))
                .extracting(Finding::subject, Finding::message).containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("Namespace default",
                                "labelled for the default revision (istio-injection=enabled)"),
                        org.assertj.core.groups.Tuple.tuple("Namespace orders", "labelled for revision default"));
    }
}
