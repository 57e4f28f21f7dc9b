package io.injectordoctor.app;

import io.injectordoctor.DoctorException;
import io.injectordoctor.ExitCode;
import io.injectordoctor.cluster.ResourceKind;
import java.util.Locale;
import java.util.Map;

/** A kubectl-style reference: {@code pod/NAME}, {@code deployment/NAME}, or {@code pods} for all. */
public record SubjectRef(String kind, ResourceKind resource, String name) {
    private static final Map<String, String> KINDS = Map.ofEntries(
            Map.entry("pod", "Pod"), Map.entry("pods", "Pod"), Map.entry("po", "Pod"),
            Map.entry("deployment", "Deployment"), Map.entry("deployments", "Deployment"), Map.entry("deploy", "Deployment"),
            Map.entry("statefulset", "StatefulSet"), Map.entry("statefulsets", "StatefulSet"), Map.entry("sts", "StatefulSet"),
            Map.entry("daemonset", "DaemonSet"), Map.entry("daemonsets", "DaemonSet"), Map.entry("ds", "DaemonSet"),
            Map.entry("replicaset", "ReplicaSet"), Map.entry("replicasets", "ReplicaSet"), Map.entry("rs", "ReplicaSet"),
            Map.entry("job", "Job"), Map.entry("jobs", "Job"),
            Map.entry("namespace", "Namespace"), Map.entry("namespaces", "Namespace"), Map.entry("ns", "Namespace"));

    public boolean allPods() {
        return "Pod".equals(kind) && name == null;
    }

    public boolean namespace() {
        return "Namespace".equals(kind);
    }

    /** kubectl's two spellings: {@code pod/NAME}, or {@code pod NAME} as two words. */
    public static SubjectRef parse(java.util.List<String> words) {
        if (words == null || words.isEmpty()) {
            return parse((String) null);
        }
        if (words.size() == 1) {
            return parse(words.get(0));
        }
        if (words.size() > 2 || words.get(0).contains("/")) {
            throw usage("give one subject: TYPE/NAME or TYPE NAME, e.g. pod/web-0 or pod web-0; got "
                    + String.join(" ", words));
        }
        return parse(words.get(0) + "/" + words.get(1));
    }

    public static SubjectRef parse(String text) {
        if (text == null || text.isBlank()) {
            throw usage("a subject is required, e.g. pod/NAME, deployment/NAME or pods");
        }
        String t = text.trim();
        if (t.equalsIgnoreCase("pods") || t.equalsIgnoreCase("pod") || t.equalsIgnoreCase("po")) {
            return new SubjectRef("Pod", ResourceKind.POD, null);
        }
        int slash = t.indexOf('/');
        if (slash < 0) {
            throw usage("'" + t + "' is not a reference: use TYPE/NAME, e.g. pod/" + t);
        }
        String type = t.substring(0, slash).toLowerCase(Locale.ROOT);
        String name = t.substring(slash + 1);
        String kind = KINDS.get(type);
        if (kind == null) {
            throw usage("unknown type '" + type + "' in '" + t
                    + "': use pod, deployment, statefulset, daemonset, replicaset, job or namespace");
        }
        if (name.isEmpty() || name.contains("/")) {
            throw usage("'" + t + "' has no valid name after the type: use " + type + "/NAME");
        }
        String problem = "Namespace".equals(kind) ? io.injectordoctor.cluster.Names.namespaceProblem(name)
                : io.injectordoctor.cluster.Names.objectNameProblem(kind.toLowerCase(Locale.ROOT), name);
        if (problem != null) {
            throw usage(problem);
        }
        return new SubjectRef(kind, resourceOf(kind), name);
    }

    static ResourceKind resourceOf(String kind) {
        return switch (kind) {
            case "Pod" -> ResourceKind.POD;
            case "Deployment" -> ResourceKind.DEPLOYMENT;
            case "StatefulSet" -> ResourceKind.STATEFULSET;
            case "DaemonSet" -> ResourceKind.DAEMONSET;
            case "ReplicaSet" -> ResourceKind.REPLICASET;
            case "Namespace" -> ResourceKind.NAMESPACE;
            default -> ResourceKind.JOB;
        };
    }

    private static DoctorException usage(String m) {
        return new DoctorException(ExitCode.USAGE, m);
    }
}
