package io.injectordoctor.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The bench's API server behaviour on top of fabric8's CRUD mode: the discovery documents kubectl
 * needs, pods served from a pre-generated store with real {@code limit}/{@code continue} paging (CRUD
 * mode returns everything in one response, which would hide whether a client's memory is bounded by
 * the page), and a request counter read at {@code /_bench/requests} (not counted itself).
 */
final class BenchDispatcher extends KubernetesCrudDispatcher {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String POD_LIST_HEAD = "{\"apiVersion\":\"v1\",\"kind\":\"PodList\",\"metadata\":{\"resourceVersion\":\"200000\"";

    private final NavigableMap<String, String> pods;
    private final AtomicInteger requests = new AtomicInteger();
    private final Map<String, AtomicInteger> byPath = new HashMap<>();

    BenchDispatcher(NavigableMap<String, String> pods) {
        this.pods = pods;
    }

    @Override
    public MockResponse dispatch(RecordedRequest r) {
        String full = r.getPath();
        int q = full.indexOf('?');
        String path = q < 0 ? full : full.substring(0, q);
        Map<String, String> query = query(q < 0 ? "" : full.substring(q + 1));
        if (path.equals("/_bench/requests")) {
            return json(200, counts());
        }
        requests.incrementAndGet();
        synchronized (byPath) {
            byPath.computeIfAbsent(r.getMethod() + " " + path, k -> new AtomicInteger()).incrementAndGet();
        }
        String discovery = Discovery.document(path);
        if (discovery != null && r.getMethod().equals("GET")) {
            return json(200, discovery);
        }
        if (r.getMethod().equals("GET")) {
            MockResponse pod = servePods(path, query);
            if (pod != null) {
                return pod;
            }
        }
        return super.dispatch(r);
    }

    private String counts() {
        ObjectNode n = JSON.createObjectNode().put("requests", requests.get());
        ObjectNode paths = n.putObject("byPath");
        synchronized (byPath) {
            byPath.forEach((k, v) -> paths.put(k, v.get()));
        }
        return n.toString();
    }

    /** GET of one pod, or a (namespaced or cluster-wide) pod LIST paged as the API server does; null if not a pod path. */
    private MockResponse servePods(String path, Map<String, String> query) {
        String[] p = path.split("/");
        if (path.equals("/api/v1/pods")) {
            return list(pods, query);
        }
        if (p.length >= 6 && path.startsWith("/api/v1/namespaces/") && p[5].equals("pods")) {
            String ns = p[4];
            if (p.length == 6) {
                return list(pods.subMap(ns + "/", true, ns + "/\uffff", false), query);
            }
            if (p.length == 7) {
                String pod = pods.get(ns + "/" + p[6]);
                return pod != null ? json(200, pod) : json(404, notFound(p[6]));
            }
        }
        return null;
    }

    private static MockResponse list(NavigableMap<String, String> from, Map<String, String> query) {
        int limit = query.containsKey("limit") ? Integer.parseInt(query.get("limit")) : Integer.MAX_VALUE;
        String cont = query.get("continue");
        NavigableMap<String, String> rest = cont == null ? from : from.tailMap(cont, false);
        StringBuilder sb = new StringBuilder(Math.min(rest.size(), limit) * 3500 + 200);
        sb.append(POD_LIST_HEAD);
        StringBuilder items = new StringBuilder();
        int n = 0;
        String last = null;
        Iterator<Map.Entry<String, String>> it = rest.entrySet().iterator();
        while (it.hasNext() && n < limit) {
            Map.Entry<String, String> e = it.next();
            items.append(n == 0 ? "" : ",").append(e.getValue());
            last = e.getKey();
            n++;
        }
        if (it.hasNext()) {
            // Opaque to clients; here simply the last key served.
            sb.append(",\"continue\":\"").append(last).append("\",\"remainingItemCount\":").append(rest.size() - n);
        }
        sb.append("},\"items\":[").append(items).append("]}");
        return json(200, sb.toString());
    }

    private static String notFound(String name) {
        ObjectNode s = JSON.createObjectNode();
        s.put("apiVersion", "v1").put("kind", "Status").put("status", "Failure").put("reason", "NotFound").put("code", 404)
                .put("message", "pods \"" + name + "\" not found");
        return s.toString();
    }

    private static Map<String, String> query(String q) {
        Map<String, String> out = new HashMap<>();
        for (String kv : q.split("&")) {
            int eq = kv.indexOf('=');
            if (eq > 0) {
                out.put(kv.substring(0, eq), URLDecoder.decode(kv.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    private static MockResponse json(int code, String body) {
        return new MockResponse().setResponseCode(code).setHeader("Content-Type", "application/json").setBody(body);
    }

    /** A discovery list entry; kubectl reads name, kind, namespaced, verbs and shortNames. */
    static void resource(ArrayNode list, String name, String kind, boolean namespaced, String... shortNames) {
        ObjectNode r = list.addObject().put("name", name).put("singularName", kind.toLowerCase()).put("kind", kind)
                .put("namespaced", namespaced);
        ArrayNode verbs = r.putArray("verbs");
        for (String v : new String[] {"create", "delete", "get", "list", "patch", "update", "watch"}) {
            verbs.add(v);
        }
        ArrayNode sn = r.putArray("shortNames");
        for (String s : shortNames) {
            sn.add(s);
        }
    }
}
