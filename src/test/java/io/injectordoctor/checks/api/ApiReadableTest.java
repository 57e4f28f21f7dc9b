package io.injectordoctor.checks.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.injectordoctor.checks.CheckTester;
import io.injectordoctor.report.Finding;
import io.injectordoctor.checks.Fixtures;
import io.injectordoctor.report.Severity;
import io.injectordoctor.cluster.ClusterSnapshot;
import io.injectordoctor.cluster.ResourceKind;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApiReadableTest {
    @Test
    void firesWhenEveryReadWasRefused() {
        ClusterSnapshot s = ClusterSnapshot.builder().source("context kind-x")
                .unreadable(ResourceKind.NAMESPACE, "forbidden: cannot list namespaces")
                .unreadable(ResourceKind.POD, "forbidden: cannot list pods").build();

        List<Finding> f = CheckTester.run(new ApiReadable(), s);

        assertThat(f).singleElement().satisfies(x -> {
            assertThat(x.severity()).isEqualTo(Severity.ERROR);
            assertThat(x.message()).isEqualTo("every read from context kind-x was refused");
            assertThat(x.evidence()).containsEntry("unreadable", List.of("namespaces", "pods"));
        });
    }

    @Test
    void firesOnAnEmptySnapshot() {
        assertThat(CheckTester.run(new ApiReadable(), ClusterSnapshot.builder().source("snapshot empty.yaml").build()))
                .extracting(Finding::message).containsExactly("no object was read from snapshot empty.yaml");
    }

    @Test
    void staysQuietWhenSomethingWasRead() {
        ClusterSnapshot partly = Fixtures.snapshot(Fixtures.HEALTHY).toBuilder()
                .unreadable(ResourceKind.SECRET, "forbidden").build();
        assertThat(CheckTester.run(new ApiReadable(), partly)).isEmpty();
    }
}
