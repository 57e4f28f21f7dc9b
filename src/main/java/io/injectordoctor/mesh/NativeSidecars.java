package io.injectordoctor.mesh;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When the injector adds istio-proxy as a native sidecar (an init container with restartPolicy
 * Always) rather than a regular container. istiod's {@code ENABLE_NATIVE_SIDECARS}: a bool that
 * defaults to false up to 1.26 (pilot/pkg/features/experimental.go); from 1.27 on by default, as
 * detection: native only when the pod's node, else every node, runs a kubelet of minor 33 or later,
 * and never when no node is known (pkg/kube/inject/webhook.go {@code detectNativeSidecar},
 * {@code minVersion := 33}; release note native-sidecar-default.yaml). The per-pod annotation
 * {@code sidecar.istio.io/nativeSidecar} wins when it is "true" or "false" (inject.go).
 */
public final class NativeSidecars {
    /** webhook.go detectNativeSidecar: "Native sidecars feature graduated to stable in Kubernetes 1.33". */
    public static final int DETECTION_MIN_KUBELET_MINOR = 33;
    /**
     * The Kubernetes minor from which restartable init containers are on by default (feature gate
     * SidecarContainers: alpha and off in 1.28, beta and on in 1.29, GA in 1.33; pkg/features/kube_features.go).
     */
    public static final int RUNS_BY_DEFAULT_FROM_MINOR = 29;

    private static final Set<String> GO_TRUE = Set.of("1", "t", "T", "TRUE", "true", "True");
    private static final Set<String> GO_FALSE = Set.of("0", "f", "F", "FALSE", "false", "False");
    private static final Pattern KUBELET = Pattern.compile("^v?(\\d+)\\.(\\d+)");

    /** What istiod makes of ENABLE_NATIVE_SIDECARS. */
    public enum Setting {
        /** Not set: the version's default. */
        UNSET,
        /** A true value. */
        TRUE,
        /** A false value: never native, unless a pod asks. */
        FALSE,
        /** "auto": node detection. */
        AUTO,
        /** Anything else: not a value istiod documents. */
        INVALID
    }

    private NativeSidecars() {
    }

    /** The setting an environment value gives (Go's strconv.ParseBool words, and "auto"). */
    public static Setting read(String envValue) {
        if (envValue == null) {
            return Setting.UNSET;
        }
        if (GO_TRUE.contains(envValue)) {
            return Setting.TRUE;
        }
        if (GO_FALSE.contains(envValue)) {
            return Setting.FALSE;
        }
        return "auto".equals(envValue) ? Setting.AUTO : Setting.INVALID;
    }

    /** Whether the version detects native sidecar support from the nodes by default (1.27 and later; unknown: yes). */
    public static boolean detectsByDefault(IstioVersion version) {
        return version == null || version.atLeast(1, 27);
    }

    /** The pod's own choice: "true" or "false" only; any other value leaves the global setting in place. */
    public static Optional<Boolean> podChoice(Map<String, String> annotations) {
        String v = annotations.get(IstioLayout.NATIVE_SIDECAR);
        if ("true".equals(v)) {
            return Optional.of(true);
        }
        return "false".equals(v) ? Optional.of(false) : Optional.empty();
    }

    /** The minor of a kubelet version such as {@code v1.33.2} or {@code v1.31.4-eks-1234}; empty when it does not parse. */
    public static OptionalInt kubeletMinor(String kubeletVersion) {
        if (kubeletVersion == null) {
            return OptionalInt.empty();
        }
        Matcher m = KUBELET.matcher(kubeletVersion.strip());
        if (!m.find()) {
            return OptionalInt.empty();
        }
        try {
            return OptionalInt.of(Integer.parseInt(m.group(2)));
        } catch (NumberFormatException e) {
            return OptionalInt.empty();
        }
    }
}
