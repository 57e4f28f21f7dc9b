package io.injectordoctor.remedy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.injectordoctor.DoctorException;
import io.injectordoctor.ExitCode;
import io.injectordoctor.report.InjectorTarget;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TargetChoiceTest {
    static InjectorTarget t(String ns, String name, String rev) {
        return new InjectorTarget(ns, name, rev, false, Map.of("app", "istiod"), List.of());
    }

    final List<InjectorTarget> two = List.of(t("istio-system", "istiod", "default"), t("istio-system", "istiod-1-16", "1-16"));

    @Test
    void oneCandidateIsChosenWithoutAsking() {
        assertThat(TargetChoice.choose(List.of(two.get(0)), null, null)).isEqualTo(two.get(0));
    }

    @Test
    void revisionOrDeploymentChooses() {
        assertThat(TargetChoice.choose(two, "1-16", null).name()).isEqualTo("istiod-1-16");
        assertThat(TargetChoice.choose(two, null, "istio-system/istiod").name()).isEqualTo("istiod");
        assertThat(TargetChoice.choose(two, "default", "istio-system/istiod").name()).isEqualTo("istiod");
    }

    @Test
    void ambiguityAndMissesAreUsageErrorsThatListTheCandidates() {
        assertThatThrownBy(() -> TargetChoice.choose(two, null, null)).isInstanceOf(DoctorException.class)
                .hasMessage("2 injector deployments qualify: istio-system/istiod (revision default), istio-system/istiod-1-16"
                        + " (revision 1-16); choose one with --revision REV or --deployment NS/NAME")
                .satisfies(e -> assertThat(((DoctorException) e).exitCode()).isEqualTo(ExitCode.USAGE));
        assertThatThrownBy(() -> TargetChoice.choose(two, "1-17", null)).hasMessageStartingWith("no injector matches --revision 1-17;")
                .hasMessageContaining("istio-system/istiod-1-16 (revision 1-16)");
        assertThatThrownBy(() -> TargetChoice.choose(two, null, "istiod")).hasMessageContaining("NAMESPACE/NAME");
    }

    @Test
    void noInjectorAtAllIsAFinding() {
        assertThatThrownBy(() -> TargetChoice.choose(List.of(), null, null))
                .satisfies(e -> assertThat(((DoctorException) e).exitCode()).isEqualTo(ExitCode.FINDINGS))
                .hasMessageStartingWith("no injector found");
    }
}
