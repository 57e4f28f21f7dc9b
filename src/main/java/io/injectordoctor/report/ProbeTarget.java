package io.injectordoctor.report;


/**
 * Where the API server sends a hook's reviews, and the name it checks: {@code <service>.<namespace>.svc}
 * for a service reference, the URL's host otherwise.
 */
public record ProbeTarget(String serviceNamespace, String serviceName, int servicePort, String url, String dnsName) {

    public boolean service() {
        return serviceName != null;
    }

    public String describe() {
        return service() ? "service " + serviceNamespace + "/" + serviceName + ":" + servicePort
                : "url " + (url == null ? "(none)" : url);
    }
}
