package io.injectordoctor.remedy.probe;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.LocalObjectReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.fabric8.kubernetes.api.model.Volume;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ProbePodsTest {

    @Test
    void freshNamesStayWithin63CharactersAndEndCleanly() {
        String longName = "a".repeat(40) + "-" + "b".repeat(30);
        String name = ProbePods.freshName(longName, new Random(1));
        assertThat(name).hasSizeLessThanOrEqualTo(63).matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?").contains("-idprobe-")
                .doesNotContain("--");
        // Trimming that lands on a dash drops it rather than doubling it.
        String atDash = "x".repeat(49) + "-yyyyyyyy";
        assertThat(ProbePods.freshName(atDash, new Random(1))).startsWith("x".repeat(49) + "-idprobe-");
        assertThat(ProbePods.freshName("web", new Random(1))).matches("web-idprobe-[a-z0-9]{5}");
    }

    @Test
    void eachNameIsDrawnAfresh() {
        Random r = new Random(3);
        assertThat(ProbePods.freshName("web", r)).isNotEqualTo(ProbePods.freshName("web", r));
    }

    @Test
    void stripsExactlyWhatTheStatusAnnotationListsIncludingPullSecrets() {
        Pod p = new PodBuilder().withNewMetadata().withName("p").withNamespace("n")
                .addToAnnotations(ProbePods.STATUS_ANNOTATION, "{\"initContainers\":[\"istio-validation\"],"
                        + "\"containers\":[\"istio-proxy\"],\"volumes\":[\"istio-data\"],\"imagePullSecrets\":[\"istio-pull\"]}")
                .endMetadata().withNewSpec()
                .addNewInitContainer().withName("istio-validation").endInitContainer()
                .addNewInitContainer().withName("istio-init").endInitContainer()
                .addNewContainer().withName("app").endContainer()
                .addNewContainer().withName("istio-proxy").endContainer()
                .addNewVolume().withName("istio-data").endVolume().addNewVolume().withName("app-data").endVolume()
                .addNewImagePullSecret("istio-pull").addNewImagePullSecret("app-pull")
                .addNewEphemeralContainer().withName("debugger").endEphemeralContainer()
                .endSpec().build();

        Pod probe = ProbePods.fromPod(p, "p-idprobe-abcde");

        // istio-init was not listed, so it is the pod's own and stays.
        assertThat(probe.getSpec().getInitContainers()).extracting(Container::getName).containsExactly("istio-init");
        assertThat(probe.getSpec().getContainers()).extracting(Container::getName).containsExactly("app");
        assertThat(probe.getSpec().getVolumes()).extracting(Volume::getName).containsExactly("app-data");
        assertThat(probe.getSpec().getImagePullSecrets()).extracting(LocalObjectReference::getName).containsExactly("app-pull");
        assertThat(probe.getSpec().getEphemeralContainers()).isNull();
        assertThat(probe.getMetadata().getAnnotations()).doesNotContainKey(ProbePods.STATUS_ANNOTATION);
        assertThat(p.getSpec().getContainers()).as("the original is not changed").hasSize(2);
    }

    @Test
    void anUnreadableStatusAnnotationStripsIstiosWellKnownContainers() {
        Pod p = new PodBuilder().withNewMetadata().withName("p").withNamespace("n")
                .addToAnnotations(ProbePods.STATUS_ANNOTATION, "not json").endMetadata().withNewSpec()
                .addNewInitContainer().withName("istio-init").endInitContainer()
                .addNewContainer().withName("app").endContainer()
                .addNewContainer().withName("istio-proxy").endContainer().endSpec().build();

        Pod probe = ProbePods.fromPod(p, "p-idprobe-abcde");

        assertThat(probe.getSpec().getInitContainers()).isEmpty();
        assertThat(probe.getSpec().getContainers()).extracting(Container::getName).containsExactly("app");
    }

    @Test
    void aPodWithoutAPreviousInjectionKeepsAllItsContainers() {
        Pod p = new PodBuilder().withNewMetadata().withName("p").withNamespace("n").addToLabels("app", "x").endMetadata()
                .withNewSpec().addNewContainer().withName("istio-proxy").endContainer().endSpec().build();

        Pod probe = ProbePods.fromPod(p, "p-idprobe-abcde");

        assertThat(probe.getSpec().getContainers()).extracting(Container::getName).containsExactly("istio-proxy");
        assertThat(probe.getMetadata().getLabels()).containsEntry("app", "x");
    }

    @Test
    void aTemplateBecomesAPodInTheNamespaceGiven() {
        Pod probe = ProbePods.fromTemplate(new PodTemplateSpecBuilder().withNewMetadata().addToLabels("app", "r")
                .addToAnnotations("sidecar.istio.io/inject", "false").endMetadata().withNewSpec().addNewContainer()
                .withName("r").endContainer().endSpec().build(), "shop", "r-idprobe-abcde");

        assertThat(probe.getApiVersion()).isEqualTo("v1");
        assertThat(probe.getKind()).isEqualTo("Pod");
        assertThat(probe.getMetadata().getName()).isEqualTo("r-idprobe-abcde");
        assertThat(probe.getMetadata().getNamespace()).isEqualTo("shop");
        assertThat(probe.getMetadata().getAnnotations()).containsEntry("sidecar.istio.io/inject", "false");
    }
}
