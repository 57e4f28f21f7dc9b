package io.injectordoctor.remedy;

import io.injectordoctor.mesh.IstioLayout;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.MutatingWebhook;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.MutatingWebhookConfiguration;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.injectordoctor.cluster.ResourceKind;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * "x509: certificate signed by unknown authority": does each hook's caBundle hold the mesh root?
 * The root comes from the first source that exists: the legacy injector's secret for a legacy
 * injector, then the {@code istio-ca-root-cert} configmap, then the self-signed CA's
 * {@code istio-ca-secret}. Only certificate entries are taken out of secrets.
 */
public final class CaBundleMatch implements HealthAssessor {
    static final String AREA = "certificates";
    static final String ROOT_CONFIGMAP = IstioLayout.ROOT_CONFIG_MAP;
    static final String CA_SECRET = IstioLayout.CA_SECRET;
    static final String LEGACY_SECRET = IstioLayout.LEGACY_SECRET;

    private final KubernetesClient client;
    private final String istioNamespace;

    /** @param istioNamespace where the mesh root lives; null means the injector's own namespace */
    public CaBundleMatch(KubernetesClient client, String istioNamespace) {
        this.client = client;
        this.istioNamespace = istioNamespace;
    }

    /** Where the root came from, e.g. "configmap istio-system/istio-ca-root-cert root-cert.pem". */
    record Root(String source, X509Certificate certificate) {
    }

    @Override
    public List<HealthCheck> checks(InjectorTarget target) {
        String ns = istioNamespace == null ? target.namespace() : istioNamespace;
        Optional<Root> root = root(ns, target.legacy());
        Map<String, Optional<MutatingWebhookConfiguration>> configs = new HashMap<>();
        List<HealthCheck> out = new ArrayList<>();
        for (HookRef h : target.hooks()) {
            Optional<MutatingWebhookConfiguration> cfg = configs.computeIfAbsent(h.configName(), this::config);
            out.add(judge(h, cfg.flatMap(c -> hook(c, h.hookName())), root, ns));
        }
        return out;
    }

    static String name(HookRef h) {
        return "caBundle " + h.hookId();
    }

    static HealthCheck judge(HookRef h, Optional<MutatingWebhook> hook, Optional<Root> root, String ns) {
        String name = name(h);
        if (hook.isEmpty()) {
            return HealthCheck.problem(name, AREA, "the hook no longer exists");
        }
        String b64 = hook.get().getClientConfig() == null ? null : hook.get().getClientConfig().getCaBundle();
        if (b64 == null || b64.isBlank()) {
            return HealthCheck.problem(name, AREA, "caBundle is empty");
        }
        String pem;
        try {
            pem = new String(Base64.getMimeDecoder().decode(b64), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return HealthCheck.problem(name, AREA, "caBundle is not valid base64");
        }
        PemCertificates.Parsed bundle = PemCertificates.parse(pem);
        if (bundle.certificates().isEmpty()) {
            return HealthCheck.problem(name, AREA, "caBundle holds no parseable certificate");
        }
        if (root.isEmpty()) {
            return HealthCheck.unknown(name, AREA, "no mesh root found in " + ns + " (configmap " + ROOT_CONFIGMAP
                    + ", secret " + CA_SECRET + " or " + LEGACY_SECRET + ")");
        }
        X509Certificate r = root.get().certificate();
        String rootText = "the mesh root (" + root.get().source() + ", " + PemCertificates.shortFingerprint(r) + ")";
        if (PemCertificates.contains(bundle.certificates(), r)) {
            return HealthCheck.ok(name, AREA, "caBundle contains " + rootText);
        }
        int n = bundle.certificates().size();
        return HealthCheck.problem(name, AREA, "caBundle (" + n + " certificate" + (n == 1 ? "" : "s") + ", first "
                + PemCertificates.shortFingerprint(bundle.certificates().get(0)) + ") does not contain " + rootText);
    }

    Optional<Root> root(String ns, boolean legacy) {
        // Read lazily: a secret is fetched only when the sources before it are missing.
        List<Supplier<Optional<Root>>> order = new ArrayList<>();
        if (legacy) {
            order.add(() -> fromSecret(ns, LEGACY_SECRET, "root-cert.pem"));
        }
        order.add(() -> fromConfigMap(ns));
        order.add(() -> fromSecret(ns, CA_SECRET, "ca-cert.pem"));
        return order.stream().map(Supplier::get).flatMap(Optional::stream).findFirst();
    }

    private Optional<Root> fromConfigMap(String ns) {
        try {
            ConfigMap cm = client.configMaps().inNamespace(ns).withName(ROOT_CONFIGMAP).get();
            String pem = cm == null || cm.getData() == null ? null : cm.getData().get("root-cert.pem");
            return first(pem, "configmap " + ns + "/" + ROOT_CONFIGMAP + " root-cert.pem");
        } catch (KubernetesClientException e) {
            return unreadable(e, "get", ResourceKind.CONFIGMAP, ns);
        }
    }

    private Optional<Root> fromSecret(String ns, String secretName, String key) {
        try {
            Secret s = client.secrets().inNamespace(ns).withName(secretName).get();
            // Only the certificate entry is taken; the rest of the secret (keys) is dropped unread.
            String b64 = s == null || s.getData() == null ? null : s.getData().get(key);
            String pem = b64 == null ? null : new String(Base64.getMimeDecoder().decode(b64), StandardCharsets.UTF_8);
            return first(pem, "secret " + ns + "/" + secretName + " " + key);
        } catch (KubernetesClientException e) {
            return unreadable(e, "get", ResourceKind.SECRET, ns);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Optional<Root> unreadable(KubernetesClientException e, String verb, ResourceKind kind, String ns) {
        if (e.getCode() == 403) {
            // The root sources are optional: without them the check says "unknown" instead of failing.
            return Optional.empty();
        }
        throw ClusterErrors.failure(e, verb, kind, ns);
    }

    private static Optional<Root> first(String pem, String source) {
        List<X509Certificate> certs = PemCertificates.parse(pem).certificates();
        return certs.isEmpty() ? Optional.empty() : Optional.of(new Root(source, certs.get(0)));
    }

    private Optional<MutatingWebhookConfiguration> config(String name) {
        try {
            return Optional.ofNullable(client.admissionRegistration().v1().mutatingWebhookConfigurations()
                    .withName(name).get());
        } catch (KubernetesClientException e) {
            throw ClusterErrors.failure(e, "get", ResourceKind.MUTATING_WEBHOOK_CONFIGURATION, null);
        }
    }

    private static Optional<MutatingWebhook> hook(MutatingWebhookConfiguration c, String hookName) {
        return c.getWebhooks() == null ? Optional.empty()
                : c.getWebhooks().stream().filter(w -> hookName.equals(w.getName())).findFirst();
    }
}
