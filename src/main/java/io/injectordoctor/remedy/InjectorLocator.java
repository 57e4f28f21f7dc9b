package io.injectordoctor.remedy;

import io.injectordoctor.cluster.ClusterSnapshot;
import io.injectordoctor.mesh.IstioLayout;
import io.injectordoctor.model.ServiceInfo;
import io.injectordoctor.model.Webhook;
import io.injectordoctor.model.WebhookConfiguration;
import io.injectordoctor.model.WorkloadInfo;
import io.injectordoctor.report.HookRef;
import io.injectordoctor.report.InjectorTarget;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the injector the way the API server reaches it: injection hook, its Service, the Service's
 * selector, the Deployment whose pod template carries those labels. Selectors are evaluated here,
 * never by the server; everything is read from one snapshot.
 */
public final class InjectorLocator {
    static final String REV_LABEL = IstioLayout.REV;

    private InjectorLocator() {
    }

    /** Every Deployment that some injection hook reaches, with the hooks that reach it. */
    public static List<InjectorTarget> candidates(ClusterSnapshot s) {
        Map<String, WorkloadInfo> found = new LinkedHashMap<>();
        Map<String, List<HookRef>> hooksOf = new LinkedHashMap<>();
        for (WebhookConfiguration config : s.webhookConfigurations()) {
            String configRev = config.meta().labels().get(REV_LABEL);
            for (Webhook hook : config.webhooks()) {
                Webhook.ServiceReference ref = hook.clientConfig() == null ? null : hook.clientConfig().service();
                if (hook.name() == null || !IstioLayout.isInjectionHook(hook.name()) || ref == null) {
                    continue;
                }
                ServiceInfo svc = s.service(ref.namespace(), ref.name()).orElse(null);
                if (svc == null || svc.selector().isEmpty()) {
                    continue;
                }
                HookRef hookRef = hookRef(config.name(), hook.name(), configRev, ref, svc);
                for (WorkloadInfo d : s.workloads()) {
                    if ("Deployment".equals(d.kind()) && ref.namespace().equals(d.meta().namespace())
                            && matches(svc.selector(), d.templateMeta().labels())) {
                        String key = d.meta().namespace() + "/" + d.meta().name();
                        found.putIfAbsent(key, d);
                        hooksOf.computeIfAbsent(key, k -> new ArrayList<>()).add(hookRef);
                    }
                }
            }
        }
        List<InjectorTarget> out = new ArrayList<>();
        found.forEach((key, d) -> out.add(target(d, hooksOf.get(key))));
        return out;
    }

    static InjectorTarget target(WorkloadInfo d, List<HookRef> hooks) {
        Map<String, String> tpl = d.templateMeta().labels();
        String rev = d.meta().labels().getOrDefault(REV_LABEL, tpl.get(REV_LABEL));
        String name = d.meta().name();
        boolean legacy = IstioLayout.isLegacyInjector(name) || "sidecar-injector".equals(tpl.get("istio"));
        return new InjectorTarget(d.meta().namespace(), name, rev == null || rev.isEmpty() ? "default" : rev,
                legacy, d.selector().isEmpty() ? tpl : d.selector(), hooks);
    }

    /** The hook's reference resolved against its Service: the port it calls and where that port leads. */
    static HookRef hookRef(String configName, String hookName, String configRev, Webhook.ServiceReference ref,
            ServiceInfo svc) {
        int port = ref.portOrDefault();
        for (ServiceInfo.Port sp : svc.ports()) {
            if (sp.port() == port) {
                String tp = sp.targetPort();
                String name = sp.name() == null ? "" : sp.name();
                if (tp == null || tp.isEmpty()) {
                    return new HookRef(configName, hookName, configRev, ref.namespace(), ref.name(), port, name, port, null);
                }
                if (tp.chars().allMatch(Character::isDigit)) {
                    return new HookRef(configName, hookName, configRev, ref.namespace(), ref.name(), port, name,
                            Integer.valueOf(tp), null);
                }
                return new HookRef(configName, hookName, configRev, ref.namespace(), ref.name(), port, name, null, tp);
            }
        }
        return new HookRef(configName, hookName, configRev, ref.namespace(), ref.name(), port, "", null, null);
    }

    static boolean matches(Map<String, String> selector, Map<String, String> podLabels) {
        if (selector.isEmpty()) {
            return false;
        }
        for (Map.Entry<String, String> e : selector.entrySet()) {
            if (!e.getValue().equals(podLabels.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }
}
