package io.injectordoctor.decision;

import io.injectordoctor.mesh.IstioLayout;
import io.injectordoctor.mesh.IstioVersion;
import io.injectordoctor.mesh.NativeSidecars;
import io.injectordoctor.model.NodeInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * How the injector adds istio-proxy to a pod it injects: as a native sidecar (an init container with
 * restartPolicy Always) or as a regular container, and why, from istiod's ENABLE_NATIVE_SIDECARS, the
 * pod's {@code sidecar.istio.io/nativeSidecar} and the nodes' kubelets (see {@link NativeSidecars}).
 * A controller's pod is not scheduled when it is admitted, so detection looks at every node.
 *
 * @param because the rules that decided, in order
 */
public record SidecarMode(Mode mode, List<String> because) {
    public enum Mode {
        NATIVE, REGULAR, UNKNOWN;

        public String word() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public SidecarMode {
        because = List.copyOf(because);
    }

    /**
     * @param nodes the cluster's nodes, or null when they could not be read
     * @param nodesUnknown why they could not be read (null when read)
     */
    public static SidecarMode of(Decision.InjectorInfo injector, Map<String, String> podAnnotations, List<NodeInfo> nodes,
            String nodesUnknown) {
        List<String> why = new ArrayList<>();
        Optional<Boolean> pod = NativeSidecars.podChoice(podAnnotations);
        if (pod.isPresent()) {
            why.add("the pod annotation " + IstioLayout.NATIVE_SIDECAR + "=" + pod.get()
                    + " takes precedence over istiod's " + IstioLayout.NATIVE_SIDECARS_ENV);
            return new SidecarMode(pod.get() ? Mode.NATIVE : Mode.REGULAR, why);
        }
        if (podAnnotations.containsKey(IstioLayout.NATIVE_SIDECAR)) {
            why.add("the pod annotation " + IstioLayout.NATIVE_SIDECAR + "=" + podAnnotations.get(IstioLayout.NATIVE_SIDECAR)
                    + " is neither true nor false: istiod's setting decides");
        }
        Decision.NativeSidecarsEnv env = injector.nativeSidecars();
        if (!env.read()) {
            why.add("istiod's Deployment was not found, so its " + IstioLayout.NATIVE_SIDECARS_ENV + " is not known");
            return new SidecarMode(Mode.UNKNOWN, why);
        }
        IstioVersion version = injector.version() == null ? null : IstioVersion.parse(injector.version()).orElse(null);
        boolean detects = NativeSidecars.detectsByDefault(version);
        String name = IstioLayout.NATIVE_SIDECARS_ENV;
        String versionWords = version == null ? "an istiod of unknown version (read as 1.27 or later)" : "istiod " + version;
        switch (NativeSidecars.read(env.value())) {
            case FALSE -> {
                why.add(name + "=" + env.value() + ": never native");
                return new SidecarMode(Mode.REGULAR, why);
            }
            case TRUE -> {
                if (!detects) {
                    why.add(name + "=" + env.value() + " on " + versionWords + ": native for every pod");
                    return new SidecarMode(Mode.NATIVE, why);
                }
                why.add(name + "=" + env.value() + " on " + versionWords
                        + ": 1.27's injector reads true as 'detect from the nodes', later ones as 'always'");
                SidecarMode d = detect(nodes, nodesUnknown, why);
                if (d.mode() == Mode.NATIVE) {
                    return d;
                }
                why.add("whether this istiod then injects native sidecars anyway is not verified for its release");
                return new SidecarMode(Mode.UNKNOWN, why);
            }
            case INVALID -> {
                why.add(name + "=" + env.value() + " is not a value istiod reads (true, false" + (detects ? ", auto" : "")
                        + ")" + (detects ? ": what it falls back to is not verified" : ": it keeps its default, false"));
                return new SidecarMode(detects ? Mode.UNKNOWN : Mode.REGULAR, why);
            }
            case AUTO -> {
                if (!detects) {
                    why.add(name + "=auto is not a bool, which " + versionWords + " reads: it keeps its default, false");
                    return new SidecarMode(Mode.REGULAR, why);
                }
                why.add(name + "=auto on " + versionWords + ": native when the nodes support it");
                return detect(nodes, nodesUnknown, why);
            }
            default -> {
                if (!detects) {
                    why.add(name + " is not set, and " + versionWords + " defaults it to false");
                    return new SidecarMode(Mode.REGULAR, why);
                }
                why.add(name + " is not set: " + versionWords + " detects native sidecar support from the nodes");
                return detect(nodes, nodesUnknown, why);
            }
        }
    }

    /** webhook.go detectNativeSidecar for a pod not scheduled yet: every node's kubelet minor must be 33 or more. */
    private static SidecarMode detect(List<NodeInfo> nodes, String nodesUnknown, List<String> why) {
        int min = NativeSidecars.DETECTION_MIN_KUBELET_MINOR;
        if (nodes == null) {
            why.add("the kubelet versions are unknown: " + (nodesUnknown == null ? "the nodes were not read" : nodesUnknown));
            return new SidecarMode(Mode.UNKNOWN, why);
        }
        if (nodes.isEmpty()) {
            why.add("no node is known, and detection needs every node to pass: regular sidecars");
            return new SidecarMode(Mode.REGULAR, why);
        }
        for (NodeInfo n : nodes) {
            OptionalInt minor = NativeSidecars.kubeletMinor(n.kubeletVersion());
            if (minor.isEmpty() || minor.getAsInt() < min) {
                why.add("node " + n.name() + " runs kubelet " + (n.kubeletVersion() == null ? "(no version)" : n.kubeletVersion())
                        + ", below 1." + min + ": while one node is older, every pod gets a regular sidecar");
                return new SidecarMode(Mode.REGULAR, why);
            }
        }
        why.add("every node (" + nodes.size() + ") runs kubelet 1." + min + " or later");
        return new SidecarMode(Mode.NATIVE, why);
    }
}
