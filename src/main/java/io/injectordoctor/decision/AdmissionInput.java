package io.injectordoctor.decision;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The variables a matchCondition reads, as far as the tool knows them for a pod CREATE
 * (k8s.io/apiserver pkg/admission/plugin/cel: compile.go declares them, activation.go binds
 * them): {@code object}, the pod (of which the tool holds the paths in {@code knownObjectPaths}
 * and nothing else), {@code oldObject} (null on CREATE), {@code request} (the AdmissionRequest,
 * condition.go {@code CreateAdmissionRequest}) with the fields in {@code unknownRequestFields}
 * unknown, and {@code namespaceObject}, declared in every admission environment but bound to null
 * for webhook matchConditions (matcher.go passes no namespace). {@code authorizer} is never known.
 * Values are JSON-like: maps, lists, strings, longs, booleans.
 */
public record AdmissionInput(Map<String, Object> object, List<String> knownObjectPaths, Map<String, Object> request,
        List<String> unknownRequestFields) {

    /** How the pod and the request look to the API server at the injection hook for this subject. */
    public static AdmissionInput podCreate(InjectionSubject pod, RequestUser user) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        List<String> known = new ArrayList<>(List.of("apiVersion", "kind", "metadata.namespace", "metadata.labels",
                "metadata.annotations", "spec.hostNetwork"));
        metadata.put("namespace", pod.namespace());
        // Empty maps and a false hostNetwork are omitted from the JSON the API server converts, as here.
        if (!pod.labels().isEmpty()) {
            metadata.put("labels", new LinkedHashMap<>(pod.labels()));
        }
        if (!pod.annotations().isEmpty()) {
            metadata.put("annotations", new LinkedHashMap<>(pod.annotations()));
        }
        if (pod.name() != null && !pod.name().isEmpty()) {
            metadata.put("name", pod.name());
            known.add("metadata.name");
        }
        Map<String, Object> spec = new LinkedHashMap<>();
        if (pod.hostNetwork()) {
            spec.put("hostNetwork", true);
        }
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("apiVersion", "v1");
        object.put("kind", "Pod");
        object.put("metadata", metadata);
        object.put("spec", spec);

        Map<String, Object> gvk = Map.of("group", "", "version", "v1", "kind", "Pod");
        Map<String, Object> gvr = Map.of("group", "", "version", "v1", "resource", "pods");
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("kind", gvk);
        request.put("resource", gvr);
        request.put("subResource", "");
        request.put("requestKind", gvk);
        request.put("requestResource", gvr);
        request.put("requestSubResource", "");
        request.put("namespace", pod.namespace());
        request.put("operation", "CREATE");
        request.put("dryRun", false);
        List<String> unknown = new ArrayList<>(List.of("options"));
        if (pod.name() == null) {
            unknown.add("name");
        } else {
            request.put("name", pod.name());
        }
        if (user == null) {
            unknown.add("userInfo");
        } else {
            request.put("userInfo", Map.of("username", user.username(), "uid", "", "groups", user.groups(), "extra", Map.of()));
        }
        return new AdmissionInput(object, List.copyOf(known), request, List.copyOf(unknown));
    }
}
