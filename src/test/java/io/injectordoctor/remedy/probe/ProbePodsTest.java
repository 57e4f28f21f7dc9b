package io.injectordoctor.remedy.probe;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ProbePodsTest {
    static final ObjectMapper JSON = new ObjectMapper();

    static JsonNode json(String text) throws Exception {
        return JSON.readTree(text.replace('\'', '"'));
    }

    static List<String> names(JsonNode pod, String field) {
        List<String> out = new ArrayList<>();
        pod.path("spec").path(field).forEach(n -> out.add(n.path("name").asText()));
        return out;
    }

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
    void stripsExactlyWhatTheStatusAnnotationListsIncludingPullSecrets() throws Exception {
        JsonNode p = json("{'metadata': {'name': 'p', 'namespace': 'n', 'annotations': {'" + ProbePods.STATUS_ANNOTATION
                + "': '{\\'initContainers\\':[\\'istio-validation\\'],\\'containers\\':[\\'istio-proxy\\'],"
                + "\\'volumes\\':[\\'istio-data\\'],\\'imagePullSecrets\\':[\\'istio-pull\\']}'}},"
                + " 'spec': {'initContainers': [{'name': 'istio-validation'}, {'name': 'istio-init'}],"
                + " 'containers': [{'name': 'app'}, {'name': 'istio-proxy'}],"
                + " 'volumes': [{'name': 'istio-data'}, {'name': 'app-data'}],"
                + " 'imagePullSecrets': [{'name': 'istio-pull'}, {'name': 'app-pull'}],"
                + " 'ephemeralContainers': [{'name': 'debugger'}]}}");

        JsonNode probe = ProbePods.fromPod(p, "p-idprobe-abcde");

        // istio-init was not listed, so it is the pod's own and stays.
        assertThat(names(probe, "initContainers")).containsExactly("istio-init");
        assertThat(names(probe, "containers")).containsExactly("app");
        assertThat(names(probe, "volumes")).containsExactly("app-data");
        assertThat(names(probe, "imagePullSecrets")).containsExactly("app-pull");
        assertThat(probe.path("spec").has("ephemeralContainers")).isFalse();
        assertThat(probe.path("metadata").path("annotations").has(ProbePods.STATUS_ANNOTATION)).isFalse();
        assertThat(names(p, "containers")).as("the original is not changed").hasSize(2);
    }

    @Test
    void anUnreadableStatusAnnotationStripsIstiosWellKnownContainers() throws Exception {
        JsonNode p = json("{'metadata': {'name': 'p', 'namespace': 'n', 'annotations': {'" + ProbePods.STATUS_ANNOTATION
                + "': 'not json'}}, 'spec': {'initContainers': [{'name': 'istio-init'}],"
                + " 'containers': [{'name': 'app'}, {'name': 'istio-proxy'}]}}");

        JsonNode probe = ProbePods.fromPod(p, "p-idprobe-abcde");

        assertThat(names(probe, "initContainers")).isEmpty();
        assertThat(names(probe, "containers")).containsExactly("app");
    }

    @Test
    void aPodWithoutAPreviousInjectionKeepsAllItsContainers() throws Exception {
        JsonNode p = json("{'metadata': {'name': 'p', 'namespace': 'n', 'labels': {'app': 'x'}},"
                + " 'spec': {'containers': [{'name': 'istio-proxy'}]}}");

        JsonNode probe = ProbePods.fromPod(p, "p-idprobe-abcde");

        assertThat(names(probe, "containers")).containsExactly("istio-proxy");
        assertThat(probe.path("metadata").path("labels").path("app").asText()).isEqualTo("x");
    }

    @Test
    void aTemplateBecomesAPodInTheNamespaceGiven() throws Exception {
        JsonNode probe = ProbePods.fromTemplate(json("{'metadata': {'labels': {'app': 'r'}, 'annotations':"
                + " {'sidecar.istio.io/inject': 'false'}}, 'spec': {'containers': [{'name': 'r'}]}}"), "shop", "r-idprobe-abcde");

        assertThat(probe.path("apiVersion").asText()).isEqualTo("v1");
        assertThat(probe.path("kind").asText()).isEqualTo("Pod");
        assertThat(probe.path("metadata").path("name").asText()).isEqualTo("r-idprobe-abcde");
        assertThat(probe.path("metadata").path("namespace").asText()).isEqualTo("shop");
        assertThat(probe.path("metadata").path("annotations").path("sidecar.istio.io/inject").asText()).isEqualTo("false");
    }
}
