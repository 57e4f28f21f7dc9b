package io.injectordoctor.mesh;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where Istio keeps what injection depends on: the labels and annotations it reads, how its hooks
 * are named, which revision a hook serves, the names of its ConfigMaps, Deployments and secrets,
 * and where the mesh root is kept, in the order it is looked for. Every other package asks here;
 * the sources are cited in docs/injection-decision.md.
 */
public final class IstioLayout {
    /** Pod label (and deprecated annotation) that forces or forbids injection. */
    public static final String INJECT = "sidecar.istio.io/inject";
    /** Namespace or pod label naming the revision (or tag) that injects. */
    public static final String REV = "istio.io/rev";
    /** Label of a revision tag's webhook configuration: the tag's name. */
    public static final String TAG = "istio.io/tag";
    /** Namespace label of the default revision: {@code enabled} opts in, any other value opts out. */
    public static final String INJECTION = "istio-injection";
    /** Selector key of a hook deactivated by {@code istioctl tag set default}. */
    public static final String DEACTIVATED_KEY = "istio.io/deactivated";
    public static final String NEVER_MATCH = "never-match";
    /** Annotation the injector writes on every pod it injects, with the revision that did it. */
    public static final String STATUS_ANNOTATION = "sidecar.istio.io/status";
    public static final String PROXY_CONTAINER = "istio-proxy";
    public static final String DEFAULT_REVISION = "default";

    /**
     * Namespace or pod label choosing the ambient data plane: {@code ambient}, or {@code none} to opt
     * out (istio/api label {@code IoIstioDataplaneMode}; pkg/config/constants/constants.go).
     */
    public static final String DATAPLANE_MODE = "istio.io/dataplane-mode";
    public static final String DATAPLANE_AMBIENT = "ambient";
    public static final String DATAPLANE_NONE = "none";
    /**
     * Pod annotation istio-cni writes through pods/status when ztunnel captures the pod:
     * {@code enabled}, or {@code pending} while no ztunnel has accepted it (cni/pkg/util/podutil.go).
     */
    public static final String AMBIENT_REDIRECTION = "ambient.istio.io/redirection";
    public static final String REDIRECTION_ENABLED = "enabled";
    public static final String REDIRECTION_PENDING = "pending";
    /** Pod annotation naming the injection templates to render, comma-separated (inject.go selectTemplates). */
    public static final String TEMPLATES = "inject.istio.io/templates";
    public static final String SIDECAR_TEMPLATE = "sidecar";
    public static final String GATEWAY_TEMPLATE = "gateway";
    /** Pod annotation that overrides ENABLE_NATIVE_SIDECARS for one pod: "true" or "false" (inject.go). */
    public static final String NATIVE_SIDECAR = "sidecar.istio.io/nativeSidecar";
    /** Pod annotation with a ProxyConfig the injector validates before it renders (validate.go). */
    public static final String PROXY_CONFIG = "proxy.istio.io/config";
    /** The image of a proxy container left for the webhook to fill in (webhook.go AutoImage). */
    public static final String AUTO_IMAGE = "auto";
    /** Label istiod's gateway controller sets on everything it deploys (deploymentcontroller.go apply). */
    public static final String GATEWAY_MANAGED = "gateway.istio.io/managed";
    /** Label of a Gateway API gateway's pods and selector: the Gateway's name. */
    public static final String GATEWAY_NAME = "gateway.networking.k8s.io/gateway-name";
    /** Label of the pods of the legacy istioctl/operator charts: which component they are. */
    public static final String OPERATOR_COMPONENT = "operator.istio.io/component";
    /** istiod's environment variable that chooses native sidecars (pilot/pkg/features). */
    public static final String NATIVE_SIDECARS_ENV = "ENABLE_NATIVE_SIDECARS";
    /** Pod label of ztunnel's DaemonSet (ztunnel chart; cni/pkg/util/podutil.go IsZtunnelPod). */
    public static final String ZTUNNEL_APP = "ztunnel";
    /** Pod label {@code k8s-app} of the istio-cni DaemonSet, also its name (istio-cni chart). */
    public static final String CNI_NODE = "istio-cni-node";

    /** Mutating hooks whose name ends so are Istio's (istioctl checkinject.go isIstioWebhook). */
    public static final String ISTIO_HOOK_SUFFIX = "istio.io";
    /** istiod patches the caBundle of hooks whose name ends so (pkg/webhooks/webhookpatch.go webhookName). */
    public static final String PATCHED_HOOK_SUFFIX = "sidecar-injector.istio.io";
    /** The only hook the legacy injector (1.0-1.4) patches: named exactly so. */
    public static final String LEGACY_HOOK = "sidecar-injector.istio.io";

    public static final String ISTIOD = "istiod";
    /** The standalone injector of Istio 1.0-1.4: Deployment, Service and ConfigMap share the name. */
    public static final String LEGACY_INJECTOR = "istio-sidecar-injector";
    public static final String INJECTOR_CONFIG_MAP = "istio-sidecar-injector";
    /** Containers that carry the injector's image, in the order they are read for its version. */
    public static final List<String> INJECTOR_CONTAINERS = List.of("discovery", "sidecar-injector-webhook");

    public static final String ROOT_CONFIG_MAP = "istio-ca-root-cert";
    public static final String ROOT_CERT_KEY = "root-cert.pem";
    public static final String LEGACY_SECRET = "istio.istio-sidecar-injector-service-account";
    public static final String CA_SECRET = "istio-ca-secret";
    public static final String PLUGGED_SECRET = "cacerts";

    private IstioLayout() {
    }

    /** A namespace or pod label value that asks for the ambient data plane. */
    public static boolean asksForAmbient(Map<String, String> labels) {
        return DATAPLANE_AMBIENT.equals(labels.get(DATAPLANE_MODE));
    }

    /** The templates a pod names in inject.istio.io/templates, split and trimmed as istiod does; empty when absent. */
    public static List<String> requestedTemplates(Map<String, String> annotations) {
        String value = annotations.get(TEMPLATES);
        if (value == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        // strings.Split keeps empty parts: "" and "a," name a template "" that is never found.
        for (String part : value.split(",", -1)) {
            out.add(part.strip());
        }
        return List.copyOf(out);
    }

    /** An Istio hook, as istioctl and the analyzers recognise one: its name ends in istio.io. */
    public static boolean isInjectionHook(String hookName) {
        return hookName != null && hookName.endsWith(ISTIO_HOOK_SUFFIX);
    }

    /** A hook whose caBundle istiod keeps up to date, when its configuration carries istio.io/rev. */
    public static boolean patchedByIstiod(String hookName) {
        return hookName != null && hookName.endsWith(PATCHED_HOOK_SUFFIX);
    }

    public static boolean isDefaultRevision(String revision) {
        return revision == null || revision.isEmpty() || DEFAULT_REVISION.equals(revision);
    }

    /**
     * The revision a hook serves: its configuration's istio.io/rev label, else the suffix of the
     * istiod service it calls, else the default revision.
     */
    public static String revisionOf(Map<String, String> configurationLabels, String serviceName) {
        String rev = configurationLabels.get(REV);
        if (rev != null && !rev.isEmpty()) {
            return rev;
        }
        if (serviceName != null && serviceName.startsWith(ISTIOD + "-")) {
            return serviceName.substring(ISTIOD.length() + 1);
        }
        return DEFAULT_REVISION;
    }

    /** Whether a hook's selector is istioctl's never-match rewrite (istioctl/pkg/util/common.go NeverMatch). */
    public static boolean isNeverMatch(Map<String, String> matchLabels) {
        return NEVER_MATCH.equals(matchLabels.get(DEACTIVATED_KEY));
    }

    /** ConfigMap {@code istio-sidecar-injector[-rev]}: the injector's config of a revision. */
    public static String injectorConfigMap(String revision) {
        return isDefaultRevision(revision) ? INJECTOR_CONFIG_MAP : INJECTOR_CONFIG_MAP + "-" + revision;
    }

    /** Deployment {@code istiod[-rev]}. */
    public static String istiodDeployment(String revision) {
        return isDefaultRevision(revision) ? ISTIOD : ISTIOD + "-" + revision;
    }

    /** Deployments that may serve a hook, in the order they are looked for: named like its service, istiod[-rev], legacy. */
    public static List<String> injectorDeployments(String serviceName, String revision) {
        Set<String> names = new LinkedHashSet<>();
        if (serviceName != null) {
            names.add(serviceName);
        }
        names.add(istiodDeployment(revision));
        names.add(LEGACY_INJECTOR);
        return List.copyOf(names);
    }

    /** The legacy layout: a standalone injector behind the istio-sidecar-injector service. */
    public static boolean isLegacyInjector(String serviceOrDeploymentName) {
        return LEGACY_INJECTOR.equals(serviceOrDeploymentName);
    }

    /**
     * Where the mesh root may be kept in the control plane's namespace, in the order it is looked
     * for: the legacy injector's secret, the published ConfigMap, istiod's self-signed CA, the
     * plugged-in CA (root-cert.pem, or ca.crt of a TLS-type secret).
     */
    public static List<RootSource> rootSources(String namespace) {
        return List.of(
                new RootSource(RootSource.Kind.SECRET, namespace, LEGACY_SECRET, ROOT_CERT_KEY),
                new RootSource(RootSource.Kind.CONFIGMAP, namespace, ROOT_CONFIG_MAP, ROOT_CERT_KEY),
                new RootSource(RootSource.Kind.SECRET, namespace, CA_SECRET, "ca-cert.pem"),
                new RootSource(RootSource.Kind.SECRET, namespace, PLUGGED_SECRET, ROOT_CERT_KEY),
                new RootSource(RootSource.Kind.SECRET, namespace, PLUGGED_SECRET, "ca.crt"));
    }

    /** The secrets among {@link #rootSources}, each once: read by name so RBAC can limit them. */
    public static List<String> rootSecrets() {
        List<String> out = new ArrayList<>();
        for (RootSource s : rootSources("")) {
            if (s.kind() == RootSource.Kind.SECRET && !out.contains(s.name())) {
                out.add(s.name());
            }
        }
        return List.copyOf(out);
    }
}
