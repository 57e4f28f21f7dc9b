package io.injectordoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.injectordoctor.testing.Fixtures;
import io.injectordoctor.testing.MockCluster;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * {@code explain pods} writes each page's pods before it asks for the next page, so memory is
 * bounded by a page. Pages are programmed as expectations: CRUD mode does not page.
 */
class ExplainPodsStreamingTest {
    private static final String INSTALL = Fixtures.modernInstall("default", "enabled", "docker.io/istio/pilot:1.27.1");
    private static final String FIRST = "/api/v1/pods?limit=500";
    private static final String SECOND = "/api/v1/pods?limit=500&continue=t1";

    private static MockCluster cluster() {
        MockCluster c = new MockCluster();
        c.apply(Fixtures.join(INSTALL, Fixtures.namespace("shop", "istio-injection", "enabled")));
        return c;
    }

    /** Pods shop/pNNNN for n in [from, to); every third one lacks its sidecar. */
    private static String page(String cont, int from, int to) {
        List<String> items = new ArrayList<>();
        for (int i = from; i < to; i++) {
            String containers = i % 3 == 0 ? "[{\"name\":\"app\",\"image\":\"nginx\"}]"
                    : "[{\"name\":\"app\",\"image\":\"nginx\"},{\"name\":\"istio-proxy\",\"image\":\"proxyv2\"}]";
            items.add("{\"metadata\":{\"name\":\"%s\",\"namespace\":\"shop\"},\"spec\":{\"containers\":%s}}"
                    .formatted(name(i), containers));
        }
        return "{\"kind\":\"PodList\",\"apiVersion\":\"v1\",\"metadata\":{\"continue\":\"" + cont + "\"},\"items\":["
                + String.join(",", items) + "]}";
    }

    private static String name(int i) {
        return "p%04d".formatted(i);
    }

    /** Pods 0-499 on the first page, the rest on the second; returns what was written when the second was asked for. */
    private static AtomicReference<String> twoPages(MockCluster c, StringWriter out, int pods) {
        AtomicReference<String> writtenBeforeSecondPage = new AtomicReference<>();
        c.server().expect().get().withPath(FIRST).andReturn(200, page("t1", 0, 500)).once();
        c.server().expect().get().withPath(SECOND).andReply(200, req -> {
            writtenBeforeSecondPage.set(out.toString());
            return page("", 500, pods);
        }).once();
        return writtenBeforeSecondPage;
    }

    /** The first page of 500 pods, then a 500 from the server. */
    private static void secondPageFails(MockCluster c) {
        c.server().expect().get().withPath(FIRST).andReturn(200, page("t1", 0, 500)).once();
        c.server().expect().get().withPath(SECOND)
                .andReturn(500, "{\"kind\":\"Status\",\"code\":500,\"message\":\"etcd is gone\"}").once();
    }

    private record Run(int exitCode, String out, String err) {
    }

    private static Run run(MockCluster c, StringWriter out, String... args) {
        StringWriter err = new StringWriter();
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--kubeconfig");
        all.add(c.kubeconfig().toString());
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), all.toArray(String[]::new));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void theTableHoldsAFullPageBeforeTheNextPageIsRequested() {
        try (MockCluster c = cluster()) {
            StringWriter out = new StringWriter();
            AtomicReference<String> writtenBeforeSecondPage = twoPages(c, out, 600);

            Run r = run(c, out, "explain", "pods", "-A", "--no-color");

            assertThat(r.exitCode()).isEqualTo(1);
            String early = writtenBeforeSecondPage.get();
            assertThat(early).contains(name(0), name(499)).doesNotContain(name(500)).doesNotContain("pods:");
            assertThat(r.out()).contains(name(500), name(599))
                    .contains("600 pods: 400 consistent, 200 mismatched (200 missing the sidecar, 0 with an unexpected sidecar)");
            assertThat(r.out()).contains("injector-doctor explain pod/p0000 -n shop")
                    .contains("... and 180 more, marked MISMATCH in the table above.");
        }
    }

    @Test
    void jsonItemsOfAPageAreWrittenBeforeTheNextPageIsRequested() throws Exception {
        try (MockCluster c = cluster()) {
            StringWriter out = new StringWriter();
            AtomicReference<String> writtenBeforeSecondPage = twoPages(c, out, 510);

            Run r = run(c, out, "explain", "pods", "-A", "-o", "json");

            assertThat(writtenBeforeSecondPage.get()).contains("\"name\" : \"" + name(499) + "\"")
                    .doesNotContain(name(500));
            JsonNode doc = new ObjectMapper().readTree(r.out());
            assertThat(doc.path("items")).hasSize(510);
            assertThat(doc.path("summary").path("pods").asInt()).isEqualTo(510);
            assertThat(doc.path("summary").path("missingSidecar").asInt()).isEqualTo(170);
        }
    }

    @Test
    void anExpiredContinueTokenRestartsTheListWithoutReportingAPodTwice() {
        try (MockCluster c = cluster()) {
            StringWriter out = new StringWriter();
            c.server().expect().get().withPath(FIRST).andReturn(200, page("t1", 0, 500)).once();
            c.server().expect().get().withPath(SECOND)
                    .andReturn(410, "{\"kind\":\"Status\",\"code\":410,\"reason\":\"Expired\",\"message\":\"too old\"}").once();
            // The new list sees one pod more, created meanwhile, in key order among the others.
            c.server().expect().get().withPath(FIRST).andReturn(200, page("", 0, 501)).once();

            Run r = run(c, out, "explain", "pods", "-A", "--no-color");

            assertThat(r.out()).contains("501 pods:");
            assertThat(r.out().lines().filter(l -> l.startsWith("shop ") && l.contains(" " + name(7) + " "))).hasSize(1);
            assertThat(r.out().lines().filter(l -> l.contains(" " + name(500) + " "))).hasSize(1);
        }
    }

    @Test
    void aListThatFailsPartWayLeavesParseableJsonMarkedIncompleteAndExits69() throws Exception {
        try (MockCluster c = cluster()) {
            StringWriter out = new StringWriter();
            secondPageFails(c);

            Run r = run(c, out, "explain", "pods", "-A", "-o", "json");

            assertThat(r.exitCode()).isEqualTo(69);
            JsonNode doc = new ObjectMapper().readTree(r.out());
            assertThat(doc.path("items")).hasSize(500);
            assertThat(doc.path("summary").path("pods").asInt()).isEqualTo(500);
            assertThat(doc.path("incomplete").asText()).contains("etcd is gone");
            assertThat(r.err().lines()).hasSize(1).allMatch(l -> l.startsWith("error: ") && l.contains("etcd is gone"));
        }
    }

    @Test
    void aListThatFailsPartWayKeepsTheRowsAndSaysWhereItStopped() {
        try (MockCluster c = cluster()) {
            StringWriter out = new StringWriter();
            secondPageFails(c);

            Run r = run(c, out, "explain", "pods", "-A", "--no-color");

            assertThat(r.exitCode()).isEqualTo(69);
            assertThat(r.out()).contains(name(499)).contains("Stopped after 500 pods").doesNotContain("consistent,");
        }
    }

    @Test
    void aForbiddenPodListStopsBeforeAnyRowIsWritten() {
        try (MockCluster c = cluster()) {
            StringWriter out = new StringWriter();
            c.server().expect().get().withPath(FIRST)
                    .andReturn(403, "{\"kind\":\"Status\",\"code\":403,\"message\":\"pods is forbidden\"}").always();

            Run r = run(c, out, "explain", "pods", "-A");

            assertThat(r.exitCode()).isEqualTo(77);
            assertThat(r.out()).isEmpty();
            assertThat(r.err()).isEqualTo("error: forbidden: cannot list pods in any namespace (needs RBAC verb 'list' on 'pods')\n");
        }
    }
}
