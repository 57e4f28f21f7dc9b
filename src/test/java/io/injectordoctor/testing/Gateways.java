package io.injectordoctor.testing;

import io.injectordoctor.cluster.ClusterConfig;
import io.injectordoctor.cluster.ClusterGateway;
import java.net.URI;
import java.time.Duration;

/** Gateways to the test API servers, which listen on plain HTTP at 127.0.0.1. */
public final class Gateways {
    private Gateways() {
    }

    public static ClusterGateway to(String url) {
        return ClusterGateway.open(ClusterConfig.plain(URI.create(url), "default", Duration.ofSeconds(10)));
    }
}
