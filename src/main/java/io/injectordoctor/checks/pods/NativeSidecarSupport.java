package io.injectordoctor.checks.pods;

import io.injectordoctor.checks.CheckContext;
import io.injectordoctor.checks.PodCheck;
import io.injectordoctor.checks.Subjects;
import io.injectordoctor.cluster.ResourceKind;
import io.injectordoctor.decision.Decision;
import io.injectordoctor.decision.SidecarMode;
import io.injectordoctor.mesh.NativeSidecars;
import io.injectordoctor.model.NodeInfo;
import io.injectordoctor.model.PodInfo;
import io.injectordoctor.report.Finding;
import io.injectordoctor.report.Severity;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Pods the injector gives a native sidecar (istio-proxy as an init container with restartPolicy
 * Always) in a cluster with nodes whose Kubernetes does not run restartable init containers by
 * default (feature gate SidecarContainers: on from 1.29). istiod's own detection never chooses native
 * below kubelet 1.33; this is the case of a pod annotation or a setting that forces it. Nodes that
 * cannot be read leave the check silent: explain says the mode is unknown.
 */
public final class NativeSidecarSupport implements PodCheck {
    @Override
    public String id() {
        return "ID0605";
    }

    @Override
    public List<Finding> judge(CheckContext context, PodInfo pod) {
        if (!context.snapshot().isLoaded(ResourceKind.NODE) || context.snapshot().unreadable().containsKey(ResourceKind.NODE)
                || context.snapshot().nodes().isEmpty()) {
            return List.of();
        }
        Decision d = context.decide(pod);
        if (!d.inject()) {
            return List.of();
        }
        SidecarMode mode = context.sidecarMode(d, pod.meta().annotations());
        if (mode.mode() != SidecarMode.Mode.NATIVE) {
            return List.of();
        }
        for (NodeInfo n : context.snapshot().nodes()) {
            OptionalInt minor = NativeSidecars.kubeletMinor(n.kubeletVersion());
            if (minor.isPresent() && minor.getAsInt() < NativeSidecars.RUNS_BY_DEFAULT_FROM_MINOR) {
                Map<String, Object> evidence = new LinkedHashMap<>();
                evidence.put("node", n.name());
                evidence.put("kubeletVersion", n.kubeletVersion());
                evidence.put("because", mode.because());
                return List.of(new Finding(id(), Severity.WARNING, Subjects.of("Pod", pod.meta()), "gets istio-proxy as a "
                        + "native sidecar (" + String.join("; ", mode.because()) + "), but node " + n.name() + " runs kubelet "
                        + n.kubeletVersion() + ", where restartable init containers are off by default (Kubernetes 1.29 "
                        + "turns them on): the pod fails there, or its re-creation is rejected", evidence));
            }
        }
        return List.of();
    }
}
