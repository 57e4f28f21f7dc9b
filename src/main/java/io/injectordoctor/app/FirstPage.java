package io.injectordoctor.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.injectordoctor.cluster.ClusterGateway;
import java.util.ArrayList;
import java.util.List;

/**
 * The first page of a LIST (up to {@link ClusterGateway#PAGE_SIZE} items) and no more: one request,
 * for answers that only need a few names (completion, where a pod is).
 */
final class FirstPage {
    private FirstPage() {
    }

    /** Thrown by the page listener to stop the gateway before it asks for a second page. */
    private static final class Enough extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Enough() {
            super(null, null, false, false);
        }
    }

    static List<JsonNode> of(ClusterGateway gateway, String path) {
        List<JsonNode> items = new ArrayList<>();
        gateway.onPage((p, n) -> {
            throw new Enough();
        });
        try {
            gateway.listPages(path, new ClusterGateway.PageSink() {
                @Override
                public void item(JsonNode item) {
                    items.add(item);
                }

                @Override
                public void restart() {
                    items.clear();
                }
            });
        } catch (Enough e) {
            // the first page is all that was asked for
        }
        return items;
    }
}
