package io.injectordoctor.checks.workloads;

import static org.assertj.core.api.Assertions.assertThat;

import io.injectordoctor.checks.CheckTester;
import io.injectordoctor.report.Finding;
import io.injectordoctor.checks.Fixtures;
import io.injectordoctor.report.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

class InjectValueInvalidTest {
    @Test
    void firesOnALenientValueOnDisagreeingLabelAndAnnotationAndNotesTheDeprecatedAnnotation() {
        List<Finding> f = CheckTester.run(new InjectValueInvalid(), Fixtures.healthyWith("ID0502/fires.yaml"));

        assertThat(f).extracting(Finding::subject, Finding::severity).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Deployment default/yes-label", Severity.WARNING),
                org.assertj.core.groups.Tuple.tuple("Deployment default/disagree", Severity.WARNING),
                org.assertj.core.groups.Tuple.tuple("Job default/annotated", Severity.INFO));
        assertThat(f.get(0).message()).contains("sidecar.istio.io/inject=\"yes\"").contains("1.13 to 1.26 read it as true");
        assertThat(f.get(1).message()).endsWith("the label wins");
        assertThat(f.get(2).message()).contains("deprecated annotation");
    }

    @Test
    void staysQuietOnAValidLabel() {
        assertThat(CheckTester.run(new InjectValueInvalid(), Fixtures.healthyWith("ID0502/dont-fire.yaml"))).isEmpty();
    }
}
