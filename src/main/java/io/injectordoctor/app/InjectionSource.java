package io.injectordoctor.app;

import io.injectordoctor.DoctorException;
import io.injectordoctor.ExitCode;
import io.injectordoctor.cluster.ClusterSnapshot;
import io.injectordoctor.cluster.LoadRequest;
import io.injectordoctor.cluster.ResourceKind;
import io.injectordoctor.decision.InjectorConfig;
import io.injectordoctor.decision.InjectorConfigParser;
import io.injectordoctor.mesh.IstioLayout;
import io.injectordoctor.model.ConfigMapInfo;
import io.injectordoctor.mutation.InjectionSettings;
import io.injectordoctor.mutation.InjectorConfigMaps;

/**
 * What {@code inject} and {@code serve} mutate with: the sidecar's settings from the injector
 * configmap's 'values', and its config (policy, selectors), read from the chosen cluster; or the
 * documented defaults and no config when no cluster is named.
 *
 * @param config the injector config, or null without a cluster
 */
public record InjectionSource(InjectionSettings settings, InjectorConfig config) {
    /** The defaults: no cluster named. */
    public static InjectionSource defaults(String istioNamespace) {
        return new InjectionSource(new InjectionSettings(null, null, null, "", false, true, istioNamespace), null);
    }

    /** The injector configmap of {@code revision} (null: the default one) in the chosen cluster. */
    public static InjectionSource read(ClusterAccess access, String revision) {
        String ns = access.target().istioNamespace();
        ClusterSnapshot snap = access.snapshot(LoadRequest.of(ns, null, ResourceKind.CONFIGMAP));
        ClusterAccess.require(snap, ResourceKind.CONFIGMAP);
        String name = IstioLayout.injectorConfigMap(revision);
        String where = ns + "/" + name;
        ConfigMapInfo cm = snap.configMap(ns, name).orElseThrow(() -> new DoctorException(ExitCode.DATA,
                snap.source() + ": no ConfigMap " + where
                        + " (try --istio-namespace or --revision, or no cluster for the defaults)"));
        InjectionSettings settings = defaults(ns).settings();
        // Istio before 1.2 wrote no 'values' key: the documented defaults stand in for it.
        if (cm.data().containsKey("values")) {
            try {
                settings = InjectionSettings.fromValues(InjectorConfigMaps.values(cm.data()), ns);
            } catch (IllegalArgumentException e) {
                throw new DoctorException(ExitCode.DATA, "ConfigMap " + where + " " + e.getMessage(), e);
            }
        }
        InjectorConfig config = InjectorConfigParser.parse(where, cm.data().get("config"));
        if (!config.parsed()) {
            throw new DoctorException(ExitCode.DATA, "ConfigMap " + where + ": " + config.parseError());
        }
        return new InjectionSource(settings, config);
    }
}
