package io.injectordoctor.trust;

/**
 * The RBAC attributes of one REST request, read from method and path the way the API server's
 * RequestInfoFactory does: /api/v1/... or /apis/GROUP/VERSION/..., optional namespaces/NS, then
 * resource, name and subresource. Non-resource paths (/api, /apis, /version) have no resource.
 */
record ApiRequest(String verb, String group, String namespace, String resource, String name, String subresource) {
    static ApiRequest of(String method, String fullPath) {
        int q = fullPath.indexOf('?');
        String path = q < 0 ? fullPath : fullPath.substring(0, q);
        String query = q < 0 ? "" : fullPath.substring(q + 1);
        String[] p = path.replaceAll("^/+", "").split("/");
        int i;
        String group;
        if (p.length >= 2 && p[0].equals("api")) {
            group = "";
            i = 2;
        } else if (p.length >= 3 && p[0].equals("apis")) {
            group = p[1];
            i = 3;
        } else {
            return new ApiRequest(method.toLowerCase(), null, null, null, null, null);
        }
        if (i >= p.length) {
            return new ApiRequest("get", group, null, null, null, null);
        }
        String namespace = null;
        if (p[i].equals("namespaces") && p.length > i + 2) {
            namespace = p[i + 1];
            i += 2;
        }
        String resource = p[i];
        String name = p.length > i + 1 ? p[i + 1] : null;
        String sub = p.length > i + 2 ? p[i + 2] : null;
        if (resource.equals("namespaces") && name != null) {
            namespace = name;
        }
        String verb = switch (method) {
            case "GET", "HEAD" -> name != null ? "get" : query.contains("watch=true") ? "watch" : "list";
            case "POST" -> "create";
            case "PUT" -> "update";
            case "PATCH" -> "patch";
            case "DELETE" -> name != null ? "delete" : "deletecollection";
            default -> method.toLowerCase();
        };
        return new ApiRequest(verb, group, namespace, resource, name, sub);
    }

    @Override
    public String toString() {
        return verb + " " + (group.isEmpty() ? "" : group + "/") + resource + (subresource == null ? "" : "/" + subresource)
                + (name == null ? "" : " " + name) + (namespace == null ? "" : " in " + namespace);
    }
}
