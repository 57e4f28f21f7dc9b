package io.injectordoctor.remedy.probe;

import io.injectordoctor.mesh.IstioLayout;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.LocalObjectReference;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;

/**
 * Builds the pod sent in the dry run: a copy of the existing pod (or of a workload's template)
 * as a client would create it, under a fresh name so that it cannot collide with the original,
 * and without what a previous injection added, so that the webhook sees the pod it saw before.
 * Labels and annotations are kept: the hook's selectors and the injector's policy read them.
 */
public final class ProbePods {
    public static final String STATUS_ANNOTATION = IstioLayout.STATUS_ANNOTATION;
    static final String MARKER = "-idprobe-";
    static final int MAX_NAME = 63;
    // The alphabet the API server uses for generateName suffixes: no vowels, no look-alikes.
    private static final String ALPHABET = "bcdfghjklmnpqrstvwxz2456789";
    // When the status annotation cannot be read, these are the names Istio's injector adds.
    private static final Set<String> ISTIO_CONTAINERS = Set.of(IstioLayout.PROXY_CONTAINER, "istio-init", "istio-validation");
    private static final ObjectMapper JSON = new ObjectMapper();

    private ProbePods() {
    }

    /** A copy of an existing pod, ready to be created again under the fresh name. */
    public static Pod fromPod(Pod original, String freshName) {
        Pod pod = Serialization.clone(original);
        pod.setStatus(null);
        pod.setMetadata(cleanMeta(pod.getMetadata(), freshName, original.getMetadata().getNamespace()));
        PodSpec spec = pod.getSpec();
        spec.setNodeName(null);
        // The API server refuses ephemeral containers on create; they are added by a subresource only.
        spec.setEphemeralContainers(null);
        stripInjection(pod);
        return pod;
    }

    /** The pod a workload's controller would create from its template, in the namespace given. */
    public static Pod fromTemplate(PodTemplateSpec template, String namespace, String freshName) {
        PodTemplateSpec t = Serialization.clone(template);
        Pod pod = new Pod();
        pod.setApiVersion("v1");
        pod.setKind("Pod");
        pod.setMetadata(cleanMeta(t.getMetadata() == null ? new ObjectMeta() : t.getMetadata(), freshName, namespace));
        pod.setSpec(t.getSpec() == null ? new PodSpec() : t.getSpec());
        stripInjection(pod);
        return pod;
    }

    /** "NAME-idprobe-xxxxx", NAME shortened so that the whole stays within 63 characters. */
    public static String freshName(String base, RandomGenerator random) {
        StringBuilder suffix = new StringBuilder(MARKER);
        for (int i = 0; i < 5; i++) {
            suffix.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        String head = base.length() + suffix.length() > MAX_NAME ? base.substring(0, MAX_NAME - suffix.length()) : base;
        while (head.endsWith("-") || head.endsWith(".")) {
            head = head.substring(0, head.length() - 1);
        }
        return head + suffix;
    }

    private static ObjectMeta cleanMeta(ObjectMeta m, String freshName, String namespace) {
        ObjectMeta out = new ObjectMeta();
        out.setName(freshName);
        out.setNamespace(namespace);
        out.setLabels(m.getLabels() == null ? null : new HashMap<>(m.getLabels()));
        out.setAnnotations(m.getAnnotations() == null ? null : new HashMap<>(m.getAnnotations()));
        // Everything else (uid, resourceVersion, creationTimestamp, managedFields, ownerReferences,
        // generateName, finalizers, deletion fields) belongs to the original object, not to a new one.
        return out;
    }

    /** Removes the containers, init containers, volumes and pull secrets a previous injection listed, and its record. */
    static void stripInjection(Pod pod) {
        Map<String, String> annotations = pod.getMetadata().getAnnotations();
        String status = annotations == null ? null : annotations.remove(STATUS_ANNOTATION);
        if (status == null) {
            return;
        }
        JsonNode listed = parse(status);
        PodSpec spec = pod.getSpec();
        Set<String> containers = names(listed, "containers");
        Set<String> inits = names(listed, "initContainers");
        if (listed == null) {
            containers = ISTIO_CONTAINERS;
            inits = ISTIO_CONTAINERS;
        }
        spec.setContainers(without(spec.getContainers(), containers, Container::getName));
        spec.setInitContainers(without(spec.getInitContainers(), inits, Container::getName));
        spec.setVolumes(without(spec.getVolumes(), names(listed, "volumes"), Volume::getName));
        spec.setImagePullSecrets(without(spec.getImagePullSecrets(), names(listed, "imagePullSecrets"),
                LocalObjectReference::getName));
    }

    private static JsonNode parse(String status) {
        try {
            JsonNode n = JSON.readTree(status);
            return n != null && n.isObject() ? n : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static Set<String> names(JsonNode listed, String field) {
        Set<String> out = new HashSet<>();
        if (listed != null) {
            listed.path(field).forEach(n -> out.add(n.asText()));
        }
        return out;
    }

    private static <T> List<T> without(List<T> items, Set<String> names, Function<T, String> name) {
        if (items == null) {
            return null;
        }
        return items.stream().filter(i -> !names.contains(name.apply(i))).collect(Collectors.toCollection(ArrayList::new));
    }
}
