package io.injectordoctor.mutation;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What the sidecar template needs from the injector configuration. Values come from the injector
 * configmap's {@code values} JSON (Helm values) when one is known, otherwise from the defaults.
 *
 * @param hub            image registry, {@code global.hub}
 * @param tag            image tag, {@code global.tag}
 * @param proxyImage     {@code global.proxy.image}: a name joined with hub and tag, or a full image when it contains '/'
 * @param revision       control plane revision; empty means the default revision
 * @param cni            the Istio CNI plugin sets up redirection, so no istio-init (an istio-validation container instead)
 * @param nativeSidecar  istio-proxy becomes an init container with {@code restartPolicy: Always}
 * @param istioNamespace namespace of istiod, used in the CA address
 */
public record InjectionSettings(String hub, String tag, String proxyImage, String revision, boolean cni,
        boolean nativeSidecar, String istioNamespace) {
    public static final String DEFAULT_HUB = "docker.io/istio";
    public static final String DEFAULT_TAG = "1.30.0";
    public static final String DEFAULT_PROXY_IMAGE = "proxyv2";
    public static final String DEFAULT_ISTIO_NAMESPACE = "istio-system";

    public InjectionSettings {
        hub = blankTo(hub, DEFAULT_HUB);
        tag = blankTo(tag, DEFAULT_TAG);
        proxyImage = blankTo(proxyImage, DEFAULT_PROXY_IMAGE);
        revision = revision == null ? "" : revision;
        istioNamespace = blankTo(istioNamespace, DEFAULT_ISTIO_NAMESPACE);
    }

    public static InjectionSettings defaults() {
        return new InjectionSettings(null, null, null, "", false, true, null);
    }

    /**
     * Reads the Helm values of an injector configmap. Native sidecars follow
     * {@code pilot.env.ENABLE_NATIVE_SIDECARS} when it is set; CNI follows {@code pilot.cni.enabled}
     * (current charts) or {@code istio_cni.enabled} (older ones).
     */
    public static InjectionSettings fromValues(JsonNode values, String istioNamespace) {
        JsonNode global = values.path("global");
        JsonNode nativeFlag = values.path("pilot").path("env").path("ENABLE_NATIVE_SIDECARS");
        boolean cni = values.path("pilot").path("cni").path("enabled").asBoolean(false)
                || values.path("istio_cni").path("enabled").asBoolean(false);
        return new InjectionSettings(
                text(global.path("hub")), text(global.path("tag")), text(global.path("proxy").path("image")),
                text(values.path("revision")), cni,
                nativeFlag.isMissingNode() || nativeFlag.isNull() || !nativeFlag.asText().equalsIgnoreCase("false"),
                istioNamespace);
    }

    public String revisionOrDefault() {
        return revision.isEmpty() ? "default" : revision;
    }

    /** The image for istio-proxy and istio-init; {@code override} is the pod's sidecar.istio.io/proxyImage. */
    public String image(String override) {
        String image = override == null || override.isBlank() ? proxyImage : override;
        return image.contains("/") ? image : hub + "/" + image + ":" + tag;
    }

    public InjectionSettings withHub(String h) {
        return new InjectionSettings(h, tag, proxyImage, revision, cni, nativeSidecar, istioNamespace);
    }

    public InjectionSettings withTag(String t) {
        return new InjectionSettings(hub, t, proxyImage, revision, cni, nativeSidecar, istioNamespace);
    }

    public InjectionSettings withRevision(String r) {
        return new InjectionSettings(hub, tag, proxyImage, r, cni, nativeSidecar, istioNamespace);
    }

    public InjectionSettings withCni(boolean c) {
        return new InjectionSettings(hub, tag, proxyImage, revision, c, nativeSidecar, istioNamespace);
    }

    public InjectionSettings withNativeSidecar(boolean n) {
        return new InjectionSettings(hub, tag, proxyImage, revision, cni, n, istioNamespace);
    }

    private static String text(JsonNode n) {
        return n.isTextual() ? n.asText() : null;
    }

    private static String blankTo(String s, String fallback) {
        return s == null || s.isBlank() ? fallback : s;
    }
}
