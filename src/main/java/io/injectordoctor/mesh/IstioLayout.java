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
