package io.injectordoctor.decision.cel;

import dev.cel.common.CelFunctionDecl;
import dev.cel.common.CelOverloadDecl;
import dev.cel.common.types.CelType;
import dev.cel.common.types.SimpleType;
import dev.cel.runtime.CelFunctionBinding;
import java.util.ArrayList;
import java.util.List;

/**
 * Libraries of the admission environment that injector-doctor declares, so that expressions using
 * them compile as they do in the API server, but cannot evaluate: the authorizer
 * (pkg/cel/library/authz.go; only the API server's authorizer can answer it, and the
 * {@code authorizer} variable is unknown here anyway), images (pkg/cel/library/image.go,
 * Kubernetes 1.33) and the strings extension's {@code format}, neither implemented. A condition
 * that calls one is reported as unknown.
 */
final class UnsupportedLibraries implements Library {
    private final List<CelFunctionDecl> declarations = new ArrayList<>();
    private final List<CelFunctionBinding> bindings = new ArrayList<>();

    /** @param minor the Kubernetes minor version: authorizer selectors from 1.31, images from 1.33 */
    UnsupportedLibraries(int minor) {
        String authz = "only the API server's authorizer can answer an authorization check";
        member("path", "authorizer_path", Types.PATH_CHECK, authz, Types.AUTHORIZER, SimpleType.STRING);
        member("group", "authorizer_group", Types.GROUP_CHECK, authz, Types.AUTHORIZER, SimpleType.STRING);
        member("serviceAccount", "authorizer_serviceaccount", Types.AUTHORIZER, authz, Types.AUTHORIZER,
                SimpleType.STRING, SimpleType.STRING);
        member("resource", "groupcheck_resource", Types.RESOURCE_CHECK, authz, Types.GROUP_CHECK, SimpleType.STRING);
        member("subresource", "resourcecheck_subresource", Types.RESOURCE_CHECK, authz, Types.RESOURCE_CHECK,
                SimpleType.STRING);
        member("namespace", "resourcecheck_namespace", Types.RESOURCE_CHECK, authz, Types.RESOURCE_CHECK, SimpleType.STRING);
        member("name", "resourcecheck_name", Types.RESOURCE_CHECK, authz, Types.RESOURCE_CHECK, SimpleType.STRING);
        if (minor >= 31) {
            member("fieldSelector", "authorizer_fieldselector", Types.RESOURCE_CHECK, authz, Types.RESOURCE_CHECK,
                    SimpleType.STRING);
            member("labelSelector", "authorizer_labelselector", Types.RESOURCE_CHECK, authz, Types.RESOURCE_CHECK,
                    SimpleType.STRING);
        }
        declarations.add(CelFunctionDecl.newFunctionDeclaration("check",
                CelOverloadDecl.newMemberOverload("pathcheck_check", Types.DECISION, Types.PATH_CHECK, SimpleType.STRING),
                CelOverloadDecl.newMemberOverload("resourcecheck_check", Types.DECISION, Types.RESOURCE_CHECK,
                        SimpleType.STRING)));
        bind("pathcheck_check", "check", authz, 2);
        bind("resourcecheck_check", "check", authz, 2);
        member("errored", "decision_errored", SimpleType.BOOL, authz, Types.DECISION);
        member("error", "decision_error", SimpleType.STRING, authz, Types.DECISION);
        member("allowed", "decision_allowed", SimpleType.BOOL, authz, Types.DECISION);
        member("reason", "decision_reason", SimpleType.STRING, authz, Types.DECISION);

        if (minor >= 29) {
            // cel-go's strings extension, version 2: <string>.format(<list>), which cel-java lacks.
            member("format", "string_format", SimpleType.STRING, "the strings extension's format is not implemented",
                    SimpleType.STRING, dev.cel.common.types.ListType.create(SimpleType.DYN));
        }
        if (minor < 33) {
            return;
        }
        String image = "the image library (Kubernetes 1.33) is not implemented";
        global("image", "string_to_image", Types.IMAGE, image, SimpleType.STRING);
        global("isImage", "is_image_string", SimpleType.BOOL, image, SimpleType.STRING);
        member("containsDigest", "image_contains_digest", SimpleType.BOOL, image, Types.IMAGE);
        member("registry", "image_registry", SimpleType.STRING, image, Types.IMAGE);
        member("repository", "image_repository", SimpleType.STRING, image, Types.IMAGE);
        member("identifier", "image_identifier", SimpleType.STRING, image, Types.IMAGE);
        member("tag", "image_tag", SimpleType.STRING, image, Types.IMAGE);
        member("digest", "image_digest", SimpleType.STRING, image, Types.IMAGE);
    }

    private void member(String function, String overload, CelType result, String why, CelType... args) {
        declarations.add(CelFunctionDecl.newFunctionDeclaration(function,
                CelOverloadDecl.newMemberOverload(overload, result, args)));
        bind(overload, function, why, args.length);
    }

    private void global(String function, String overload, CelType result, String why, CelType... args) {
        declarations.add(CelFunctionDecl.newFunctionDeclaration(function,
                CelOverloadDecl.newGlobalOverload(overload, result, args)));
        bind(overload, function, why, args.length);
    }

    private void bind(String overload, String function, String why, int arity) {
        List<Class<?>> classes = new ArrayList<>();
        for (int i = 0; i < arity; i++) {
            classes.add(Object.class);
        }
        bindings.add(CelFunctionBinding.from(overload, classes, args -> {
            throw new Unsupported(function + "()", why);
        }));
    }

    @Override
    public int since() {
        return 27;
    }

    @Override
    public List<CelFunctionDecl> declarations() {
        return declarations;
    }

    @Override
    public List<CelFunctionBinding> bindings() {
        return bindings;
    }
}
