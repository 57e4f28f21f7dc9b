package io.injectordoctor.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.injectordoctor.testing.Gateways;
import io.injectordoctor.testing.MockCluster;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Paging is programmed with expectations: the CRUD mode of the mock server does not page. */
class ClusterGatewayPagingTest {
    static String page(String cont, String... names) {
        StringBuilder items = new StringBuilder();
        for (String n : names) {
            items.append(items.length() == 0 ? "" : ",").append("{\"metadata\":{\"name\":\"").append(n).append("\"}}");
        }
        return "{\"kind\":\"PodList\",\"metadata\":{\"continue\":\"" + cont + "\"},\"items\":[" + items + "]}";
    }

    static ClusterGateway gateway(MockCluster c) {
        return Gateways.to("http://127.0.0.1:" + c.server().getPort());
    }

    static List<String> names(List<com.fasterxml.jackson.databind.JsonNode> items) {
        return items.stream().map(n -> n.path("metadata").path("name").asText()).toList();
    }

    @Test
    void followsContinueTokensPageByPage() {
        try (MockCluster c = new MockCluster()) {
            c.server().expect().get().withPath("/api/v1/pods?limit=500").andReturn(200, page("t1", "a", "b")).once();
            c.server().expect().get().withPath("/api/v1/pods?limit=500&continue=t1").andReturn(200, page("t2", "c")).once();
            c.server().expect().get().withPath("/api/v1/pods?limit=500&continue=t2").andReturn(200, page("", "d")).once();
            try (ClusterGateway api = gateway(c)) {
                assertThat(names(api.list("/api/v1/pods"))).containsExactly("a", "b", "c", "d");
                assertThat(api.requestCount()).isEqualTo(3);
            }
        }
    }

    @Test
    void anExpiredContinueTokenRestartsTheListOnce() {
        try (MockCluster c = new MockCluster()) {
            c.server().expect().get().withPath("/api/v1/pods?limit=500").andReturn(200, page("old", "a")).once();
            c.server().expect().get().withPath("/api/v1/pods?limit=500&continue=old")
                    .andReturn(410, "{\"kind\":\"Status\",\"code\":410,\"message\":\"continue token expired\"}").once();
            c.server().expect().get().withPath("/api/v1/pods?limit=500").andReturn(200, page("", "a", "b")).once();
            try (ClusterGateway api = gateway(c)) {
                assertThat(names(api.list("/api/v1/pods"))).containsExactly("a", "b");
                assertThat(api.requestCount()).isEqualTo(3);
            }
        }
    }

    @Test
    void tooManyRequestsIsRetriedWithinABound() {
        try (MockCluster c = new MockCluster()) {
            c.server().expect().get().withPath("/api/v1/namespaces/x").andReturn(429, "{\"message\":\"slow down\"}")
                    .withHeader("Retry-After", "0").times(2);
            c.server().expect().get().withPath("/api/v1/namespaces/x").andReturn(200, "{\"metadata\":{\"name\":\"x\"}}").once();
            try (ClusterGateway api = gateway(c)) {
                assertThat(api.get("/api/v1/namespaces/x").path("metadata").path("name").asText()).isEqualTo("x");
                assertThat(api.requestCount()).isEqualTo(3);
            }
            c.server().expect().get().withPath("/api/v1/namespaces/y").andReturn(429, "{\"message\":\"slow down\"}")
                    .withHeader("Retry-After", "0").always();
            try (ClusterGateway api = gateway(c)) {
                assertThatThrownBy(() -> api.get("/api/v1/namespaces/y")).isInstanceOf(ApiException.class)
                        .hasMessage("slow down");
                assertThat(api.requestCount()).isEqualTo(3);
            }
        }
    }
}
