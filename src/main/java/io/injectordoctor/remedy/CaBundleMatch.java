package io.injectordoctor.remedy;

import io.injectordoctor.cluster.ClusterSnapshot;
import io.injectordoctor.cluster.ResourceKind;
import io.injectordoctor.mesh.IstioLayout;
import io.injectordoctor.model.Webhook;
import io.injectordoctor.model.WebhookConfiguration;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * "x509: certificate signed by unknown authority": does each hook's caBundle hold the mesh root?
 * The root comes from the first source that exists: the legacy injector's secret for a legacy
 * injector, then the {@code istio-ca-root-cert} configmap, then the self-signed CA's
 * {@code istio-ca-secret}. Secrets carry only their certificate entries into the snapshot.
 */
public final class CaBundleMatch implements HealthAssessor {
    static final String AREA = "certificates";
    static final String ROOT_CONFIGMAP = IstioLayout.ROOT_CONFIG_MAP;
    static final String CA_SECRET = IstioLayout.CA_SECRET;
    static final String LEGACY_SECRET = IstioLayout.LEGACY_SECRET;

    private final String istioNamespace;

    /** @param istioNamespace where the mesh root lives; null means the injector's own namespace */
    public CaBundleMatch(String istioNamespace) {
        this.istioNamespace = istioNamespace;
    }

    /** Where the root came from, e.g. "configmap istio-system/istio-ca-root-cert root-cert.pem". */
    record Root(String source, X509Certificate certificate) {
    }

    @Override
    public List<HealthCheck> checks(ClusterSnapshot s, InjectorTarget target) {
        String ns = istioNamespace == null ? target.namespace() : istioNamespace;
        Optional<Root> root = root(s, ns, target.legacy());
        List<HealthCheck> out = new ArrayList<>();
        for (HookRef h : target.hooks()) {
            out.add(judge(h, hook(s, h), root, ns));
        }
        return out;
    }

    static String name(HookRef h) {
        return "caBundle " + h.hookId();
    }

    static HealthCheck judge(HookRef h, Optional<Webhook> hook, Optional<Root> root, String ns) {
        String name = name(h);
        if (hook.isEmpty()) {
            return HealthCheck.problem(name, AREA, "the hook no longer exists");
        }
        String b64 = hook.get().clientConfig() == null ? null : hook.get().clientConfig().caBundle();
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

    /** The first source that holds a certificate; a source the snapshot could not read counts as missing. */
    static Optional<Root> root(ClusterSnapshot s, String ns, boolean legacy) {
        List<Optional<Root>> order = new ArrayList<>();
        if (legacy) {
            order.add(fromSecret(s, ns, LEGACY_SECRET, "root-cert.pem"));
        }
        order.add(s.configMap(ns, ROOT_CONFIGMAP).map(cm -> cm.data().get("root-cert.pem"))
                .flatMap(pem -> first(pem, "configmap " + ns + "/" + ROOT_CONFIGMAP + " root-cert.pem")));
        order.add(fromSecret(s, ns, CA_SECRET, "ca-cert.pem"));
        return order.stream().flatMap(Optional::stream).findFirst();
    }

    private static Optional<Root> fromSecret(ClusterSnapshot s, String ns, String secretName, String key) {
        if (s.unreadable().containsKey(ResourceKind.SECRET)) {
            return Optional.empty();
        }
        return s.secret(ns, secretName).map(sec -> sec.certificates().get(key))
                .flatMap(pem -> first(pem, "secret " + ns + "/" + secretName + " " + key));
    }

    private static Optional<Root> first(String pem, String source) {
        List<X509Certificate> certs = PemCertificates.parse(pem).certificates();
        return certs.isEmpty() ? Optional.empty() : Optional.of(new Root(source, certs.get(0)));
    }

    private static Optional<Webhook> hook(ClusterSnapshot s, HookRef h) {
        return s.webhookConfigurations().stream().filter(c -> c.name().equals(h.configName())).findFirst()
                .map(WebhookConfiguration::webhooks).flatMap(ws -> ws.stream()
                        .filter(w -> h.hookName().equals(w.name())).findFirst());
    }
}
