package io.injectordoctor.trust;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The rules of chosen Roles and ClusterRoles of docs/rbac.yaml, evaluated as the RBAC authorizer
 * does: a request is allowed when one rule matches its verb, API group, resource (with
 * subresource) and, if the rule has resourceNames, its object name. Role rules apply only in the
 * Role's namespace. Bindings are not modelled: the test picks which roles the user holds.
 */
final class RbacPolicy {
    static final Path FILE = Path.of("docs/rbac.yaml");

    record Rule(String namespace, List<String> groups, List<String> resources, List<String> verbs, List<String> names) {
        boolean allows(ApiRequest r) {
            if (namespace != null && !namespace.equals(r.namespace())) {
                return false;
            }
            String resource = r.subresource() == null ? r.resource() : r.resource() + "/" + r.subresource();
            return any(groups, r.group()) && any(resources, resource) && any(verbs, r.verb())
                    && (names.isEmpty() || (r.name() != null && names.contains(r.name())));
        }

        private static boolean any(List<String> allowed, String value) {
            return allowed.contains("*") || allowed.contains(value);
        }
    }

    private final List<Rule> rules;
    final Set<String> roles;

    private RbacPolicy(List<Rule> rules, Set<String> roles) {
        this.rules = List.copyOf(rules);
        this.roles = roles;
    }

    /** The rules of the named roles in docs/rbac.yaml; an unknown name is an error, not an empty grant. */
    static RbacPolicy of(String... roleNames) {
        Set<String> wanted = Set.of(roleNames);
        List<Rule> rules = new ArrayList<>();
        Set<String> found = new java.util.HashSet<>();
        for (JsonNode doc : documents()) {
            String kind = doc.path("kind").asText();
            String name = doc.path("metadata").path("name").asText();
            if (!(kind.equals("Role") || kind.equals("ClusterRole")) || !wanted.contains(name)) {
                continue;
            }
            found.add(name);
            String ns = kind.equals("Role") ? doc.path("metadata").path("namespace").asText() : null;
            for (JsonNode r : doc.path("rules")) {
                rules.add(new Rule(ns, strings(r.path("apiGroups")), strings(r.path("resources")), strings(r.path("verbs")),
                        strings(r.path("resourceNames"))));
            }
        }
        if (!found.equals(wanted)) {
            throw new IllegalArgumentException("roles not in " + FILE + ": " + wanted + " vs " + found);
        }
        return new RbacPolicy(rules, wanted);
    }

    static List<JsonNode> documents() {
        try {
            ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
            return yaml.readValues(yaml.getFactory().createParser(Files.readString(FILE)), JsonNode.class).readAll();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> strings(JsonNode n) {
        List<String> out = new ArrayList<>();
        n.forEach(x -> out.add(x.asText()));
        return out;
    }

    boolean allows(ApiRequest r) {
        // Discovery and version are open to every authenticated user (system:discovery), and so is
        // SelfSubjectAccessReview (system:basic-user).
        if (r.resource() == null || r.resource().equals("selfsubjectaccessreviews")) {
            return true;
        }
        return rules.stream().anyMatch(rule -> rule.allows(r));
    }
}
