package io.injectordoctor.decision.cel;

import dev.cel.common.CelFunctionDecl;
import dev.cel.common.CelOverloadDecl;
import dev.cel.common.types.ListType;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.runtime.CelFunctionBinding;
import java.util.List;

/**
 * k8s.io/apiserver pkg/cel/library/urls.go: {@code url} (which must pass Go's
 * {@code ParseRequestURI}: an absolute URI or an absolute path), {@code isURL}, and the getters
 * {@code getScheme}, {@code getHost}, {@code getHostname}, {@code getPort},
 * {@code getEscapedPath}, {@code getQuery}.
 */
final class UrlsLibrary implements Library {
    @Override
    public int since() {
        return 0;
    }

    @Override
    public List<CelFunctionDecl> declarations() {
        var url = Types.URL;
        return List.of(
                CelFunctionDecl.newFunctionDeclaration("url", CelOverloadDecl.newGlobalOverload("string_to_url", url, SimpleType.STRING)),
                CelFunctionDecl.newFunctionDeclaration("isURL", CelOverloadDecl.newGlobalOverload("is_url_string", SimpleType.BOOL, SimpleType.STRING)),
                CelFunctionDecl.newFunctionDeclaration("getScheme", CelOverloadDecl.newMemberOverload("url_get_scheme", SimpleType.STRING, url)),
                CelFunctionDecl.newFunctionDeclaration("getHost", CelOverloadDecl.newMemberOverload("url_get_host", SimpleType.STRING, url)),
                CelFunctionDecl.newFunctionDeclaration("getHostname",
                        CelOverloadDecl.newMemberOverload("url_get_hostname", SimpleType.STRING, url)),
                CelFunctionDecl.newFunctionDeclaration("getPort", CelOverloadDecl.newMemberOverload("url_get_port", SimpleType.STRING, url)),
                CelFunctionDecl.newFunctionDeclaration("getEscapedPath",
                        CelOverloadDecl.newMemberOverload("url_get_escaped_path", SimpleType.STRING, url)),
                CelFunctionDecl.newFunctionDeclaration("getQuery", CelOverloadDecl.newMemberOverload("url_get_query",
                        MapType.create(SimpleType.STRING, ListType.create(SimpleType.STRING)), url)));
    }

    @Override
    public List<CelFunctionBinding> bindings() {
        return List.of(
                CelFunctionBinding.from("string_to_url", String.class, UrlsLibrary::url),
                CelFunctionBinding.from("is_url_string", String.class, s -> GoUrl.requestUriError(s) == null),
                CelFunctionBinding.from("url_get_scheme", GoUrl.class, u -> u.scheme),
                CelFunctionBinding.from("url_get_host", GoUrl.class, u -> u.host),
                CelFunctionBinding.from("url_get_hostname", GoUrl.class, GoUrl::hostname),
                CelFunctionBinding.from("url_get_port", GoUrl.class, GoUrl::port),
                CelFunctionBinding.from("url_get_escaped_path", GoUrl.class, GoUrl::escapedPath),
                CelFunctionBinding.from("url_get_query", GoUrl.class, GoUrl::query));
    }

    /** urls.go {@code stringToUrl}: checked with ParseRequestURI, then read with Parse. */
    static GoUrl url(String s) {
        String err = GoUrl.requestUriError(s);
        if (err != null) {
            throw new LibraryError("URL parse error during conversion from string: " + err);
        }
        try {
            return GoUrl.parse(s);
        } catch (IllegalArgumentException e) {
            throw new LibraryError("URL parse error during conversion from string: parse " + IpAddress.quote(s) + ": "
                    + e.getMessage());
        }
    }
}
