package io.injectordoctor.report;

/**
 * One injection hook and the service port it calls. The target port is resolved from the Service
 * so that endpoint readiness can be judged on the port the API server actually dials.
 *
 * @param configName     the MutatingWebhookConfiguration
 * @param hookName       the hook inside it (ends in {@code istio.io})
 * @param configRevision the configuration's {@code istio.io/rev} label, null when absent; istiod
 *                       keeps the caBundle of a configuration up to date only when it carries it
 * @param serviceNamespace namespace of the called Service
 * @param serviceName    name of the called Service
 * @param port           the Service port the hook calls (443 when the hook leaves it out)
 * @param portName       the name of that Service port, empty when unnamed or unknown
 * @param targetPort     the resolved numeric target port, null when named or unknown
 * @param targetPortName the named target port, null when numeric
 */
public record HookRef(String configName, String hookName, String configRevision,
        String serviceNamespace, String serviceName, int port,
        String portName, Integer targetPort, String targetPortName) {

    public String hookId() {
        return configName + "/" + hookName;
    }

    public String serviceId() {
        return serviceNamespace + "/" + serviceName;
    }

    /** The target port as people read it: a number, or a port name. */
    public String targetPortText() {
        if (targetPort != null) {
            return String.valueOf(targetPort);
        }
        return targetPortName == null ? "?" : targetPortName;
    }
}
