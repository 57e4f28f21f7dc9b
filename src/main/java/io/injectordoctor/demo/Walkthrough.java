package io.injectordoctor.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** The guided tour of the demo: its steps (data in {@code demo/walkthrough.yaml}) and the demo pods. */
public final class Walkthrough {
    /** One step: what to run, what it shows, why. {@code pod} is "namespace/name" or empty. */
    public record Step(Scenario scenario, String title, String pod, List<String> run, String shows, String why) {
    }

    /** A demo pod with its expected verdict and whether it has the sidecar. */
    public record PodRow(String namespace, String name, String expect, boolean hasProxy, String why) {
    }

    private Walkthrough() {
    }

    public static List<Step> steps() {
        try (InputStream in = Walkthrough.class.getClassLoader().getResourceAsStream("demo/walkthrough.yaml")) {
            if (in == null) {
                throw new IllegalStateException("demo/walkthrough.yaml is missing from the classpath");
            }
            List<Step> steps = new ArrayList<>();
            for (JsonNode s : new YAMLMapper().readTree(in)) {
                List<String> run = new ArrayList<>();
                s.path("run").forEach(r -> run.add(r.asText()));
                steps.add(new Step(Scenario.valueOf(s.path("scenario").asText().toUpperCase(java.util.Locale.ROOT)),
                        s.path("title").asText(), s.path("pod").asText(""), run,
                        s.path("shows").asText(), s.path("why").asText()));
            }
            return steps;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read demo/walkthrough.yaml", e);
        }
    }

    /** The demo pods of a running demo cluster, istio-system last, sorted by namespace and name. */
    public static List<PodRow> pods(KubernetesClient client) {
        List<PodRow> rows = new ArrayList<>();
        for (Pod pod : client.pods().inAnyNamespace().list().getItems()) {
            Map<String, String> ann = pod.getMetadata().getAnnotations() == null ? Map.of()
                    : pod.getMetadata().getAnnotations();
            if (!ann.containsKey(DemoCluster.EXPECT_ANNOTATION)) {
                continue;
            }
            boolean proxy = pod.getSpec().getContainers().stream().anyMatch(c -> "istio-proxy".equals(c.getName()))
                    || pod.getSpec().getInitContainers().stream().anyMatch(c -> "istio-proxy".equals(c.getName())
                            && "Always".equals(c.getRestartPolicy()));
            rows.add(new PodRow(pod.getMetadata().getNamespace(), pod.getMetadata().getName(),
                    ann.get(DemoCluster.EXPECT_ANNOTATION), proxy, ann.getOrDefault(DemoCluster.WHY_ANNOTATION, "")));
        }
        rows.sort(Comparator.comparing((PodRow r) -> r.namespace().equals("istio-system"))
                .thenComparing(PodRow::namespace).thenComparing(PodRow::name));
        return rows;
    }
}
