package io.injectordoctor.mutation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.injectordoctor.mesh.RuleSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Istio's own injection inputs and outputs (pkg/kube/inject/testdata/inject). Every input injects
 * without error; hostNetwork and opted-out ones stay unchanged; for the others the parts this
 * injector reproduces must equal what Istio wrote.
 */
class IstioFixturesTest {
    private static final Path DIR = Path.of("/work/shared/istio-fixtures/pkg/kube/inject/testdata/inject");
    // the hub and tag Istio's test renders with, so images compare equal
    private static final InjectionSettings ISTIO_TEST = InjectionSettings.defaults()
            .withHub("registry.istio.io/testing").withTag("latest");

    @TestFactory
    Stream<DynamicTest> everyInputInjects() throws IOException {
        assumeTrue(Files.isDirectory(DIR), "Istio fixtures not present");
        List<Path> inputs;
        try (Stream<Path> s = Files.list(DIR)) {
            inputs = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertThat(inputs).isNotEmpty();
        return inputs.stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> check(p)));
    }

    private static void check(Path input) throws Exception {
        Injector injector = new Injector(ReferenceGate.kubeInject(RuleSet.ISTIO_1_27_PLUS), ISTIO_TEST);
        List<ObjectNode> objects = Manifests.parse(Files.readString(input));
        assertThat(objects).isNotEmpty();
        for (ObjectNode o : objects) {
            Injector.Outcome out = injector.inject(o, null);
            ObjectNode template = (ObjectNode) o.path("spec").path("template");
            boolean hostNetwork = template.path("spec").path("hostNetwork").asBoolean(false);
            boolean optedOut = template.path("metadata").path("annotations").path("sidecar.istio.io/inject")
                    .asText().equals("false");
            if (hostNetwork || optedOut) {
                assertThat(out.injected()).isFalse();
                assertThat(out.object()).isEqualTo(o);
                continue;
            }
            assertThat(out.injected()).isTrue();
            assertThat(SidecarMutation.inject(out.object(), ISTIO_TEST, null)).as("idempotent").isEqualTo(out.object());
            Path expectedFile = Path.of(input + ".injected");
            if (Files.exists(expectedFile)) {
                compare(normalize(out.object()), normalize(Manifests.parse(Files.readString(expectedFile)).get(0)),
                        probesRewritten(o));
            }
        }
    }

    private static void compare(JsonNode actual, JsonNode expected, boolean probesRewritten) {
        JsonNode a = actual.path("spec").path("template");
        JsonNode e = expected.path("spec").path("template");
        assertThat(a.path("metadata")).isEqualTo(e.path("metadata"));
        assertThat(a.path("spec").path("volumes")).isEqualTo(e.path("spec").path("volumes"));
        assertThat(names(a.path("spec").path("initContainers"))).isEqualTo(names(e.path("spec").path("initContainers")));
        assertThat(names(a.path("spec").path("containers"))).isEqualTo(names(e.path("spec").path("containers")));
        assertThat(a.path("spec").path("initContainers").get(0)).isEqualTo(e.path("spec").path("initContainers").get(0));
        if (!probesRewritten) {
            // nothing left out applies to this input, so the whole object must match
            assertThat(actual).isEqualTo(expected);
        }
    }

    /** Istio rewrites HTTP probes of app containers to the agent; this injector does not. */
    private static boolean probesRewritten(JsonNode original) {
        for (JsonNode c : original.path("spec").path("template").path("spec").path("containers")) {
            if (c.has("readinessProbe") || c.has("livenessProbe") || c.has("startupProbe")) {
                return true;
            }
        }
        return false;
    }

    private static List<String> names(JsonNode containers) {
        List<String> out = new ArrayList<>();
        containers.forEach(c -> out.add(c.path("name").asText()));
        return out;
    }

    /** Drops what Go's serializer adds by itself: empty resources, strategy, status, null timestamps. */
    private static JsonNode normalize(JsonNode n) {
        JsonNode copy = n.deepCopy();
        strip(copy);
        return copy;
    }

    private static void strip(JsonNode n) {
        if (n instanceof ObjectNode o) {
            for (Iterator<String> it = o.fieldNames(); it.hasNext();) {
                String k = it.next();
                JsonNode v = o.get(k);
                boolean emptyGoStruct = (k.equals("resources") || k.equals("strategy") || k.equals("status"))
                        && v.isObject() && v.isEmpty();
                if (emptyGoStruct || (k.equals("creationTimestamp") && v.isNull())) {
                    it.remove();
                } else {
                    strip(v);
                }
            }
        } else if (n.isArray()) {
            n.forEach(IstioFixturesTest::strip);
        }
    }
}
