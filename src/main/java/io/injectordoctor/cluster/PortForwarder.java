package io.injectordoctor.cluster;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.LocalPortForward;
import io.fabric8.kubernetes.client.http.BasicBuilder;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.Interceptor;
import java.io.IOException;
import java.time.Duration;
import javax.net.ssl.KeyManager;
import javax.net.ssl.TrustManager;

/**
 * Port-forwards through fabric8's client, which speaks the websocket protocol the API server's
 * portforward subresource needs. The client is made from the gateway's own configuration: the
 * same server, proxy, trust manager, client certificate, and the same Authorization and
 * impersonation headers (added to each request here), so a port-forward trusts and proves
 * exactly what every other request does. The fabric8 types stay in this class.
 */
final class PortForwarder implements AutoCloseable {
    private final KubernetesClient client;

    PortForwarder(ClusterConfig config, HttpTransport http, Auth auth) {
        long timeoutMs = config.requestTimeout().isZero() ? 0 : config.requestTimeout().toMillis();
        ConfigBuilder b = new ConfigBuilder(Config.empty()).withMasterUrl(config.serverText())
                .withRequestTimeout((int) Math.min(Integer.MAX_VALUE, timeoutMs))
                .withConnectionTimeout((int) Math.min(Duration.ofSeconds(30).toMillis(), timeoutMs == 0 ? 30_000 : timeoutMs))
                .withRequestRetryBackoffLimit(0);
        if (config.proxy() != null) {
            String proxy = config.proxy().toString();
            b = config.secure() ? b.withHttpsProxy(proxy) : b.withHttpProxy(proxy);
        }
        KeyManager[] keys = config.secure() ? auth.keyManagers() : null;
        TrustManager trust = config.secure() ? TlsSetup.trustManager(config.tls(), http.expectedName()) : null;
        client = new KubernetesClientBuilder().withConfig(b.build()).withHttpClientBuilderConsumer(h -> {
            if (trust != null) {
                h.sslContext(keys, new TrustManager[] {trust});
                if (config.tls().serverName() != null) {
                    h.tlsServerName(config.tls().serverName());
                }
            }
            h.addOrReplaceInterceptor("injector-doctor-credentials", new Interceptor() {
                @Override
                public void before(BasicBuilder builder, HttpRequest request, RequestTags tags) {
                    for (String[] header : auth.headers()) {
                        builder.header(header[0], header[1]);
                    }
                }
            });
        }).build();
    }

    PortForward forward(String namespace, String pod, int port) {
        LocalPortForward pf;
        try {
            pf = client.pods().inNamespace(namespace).withName(pod).portForward(port);
        } catch (KubernetesClientException e) {
            throw new ApiException(Math.max(0, e.getCode()), "GET", "/api/v1/namespaces/" + namespace + "/pods/" + pod
                    + "/portforward", e.getMessage() == null ? "port-forward failed" : e.getMessage().lines().findFirst()
                    .orElse("port-forward failed"), e);
        }
        return new PortForward() {
            @Override
            public int localPort() {
                return pf.getLocalPort();
            }

            @Override
            public String error() {
                if (!pf.errorOccurred()) {
                    return null;
                }
                return pf.getServerThrowables().stream().findFirst()
                        .or(() -> pf.getClientThrowables().stream().findFirst())
                        .map(x -> x.getMessage() == null ? x.getClass().getSimpleName() : x.getMessage())
                        .map(Redact::urls).orElse("unknown error");
            }

            @Override
            public void close() {
                try {
                    pf.close();
                } catch (IOException ignored) {
                    // the tunnel is gone either way
                }
            }
        };
    }

    @Override
    public void close() {
        client.close();
    }
}
