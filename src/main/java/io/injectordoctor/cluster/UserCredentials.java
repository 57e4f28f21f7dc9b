package io.injectordoctor.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import io.injectordoctor.DoctorException;
import io.injectordoctor.ExitCode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A kubeconfig user entry read into credentials, with kubectl's rules
 * (client-go tools/clientcmd/client_config.go getUserIdentificationPartialConfig;
 * validation.go validateAuthInfo): a token wins over a tokenFile; a token and basic
 * authentication together are refused; a client certificate needs its key; an exec plugin and an
 * auth-provider together are refused. What cannot be used is said, never skipped.
 */
final class UserCredentials {
    static final String EXEC_EXTENSION = "client.authentication.k8s.io/exec";
    static final Set<String> EXEC_VERSIONS = Set.of("client.authentication.k8s.io/v1",
            "client.authentication.k8s.io/v1beta1");
    static final Set<String> INTERACTIVE_MODES = Set.of("Never", "IfAvailable", "Always");
    /** How long a plugin that cannot ask anyone may run; one that may ask a person at the terminal gets longer. */
    static final Duration EXEC_TIMEOUT = Duration.ofSeconds(60);
    static final Duration INTERACTIVE_EXEC_TIMEOUT = Duration.ofMinutes(5);

    private UserCredentials() {
    }

    static ClusterConfig apply(ClusterConfig c, Kubeconfig.Entry user, Kubeconfig.Entry cluster, Environment env) {
        JsonNode u = user.body();
        String where = "user \"" + user.name() + "\" (" + user.origin() + ")";
        ClusterConfig.Impersonation imp = impersonation(u, where);
        if (!c.secure()) {
            return new ClusterConfig(c.context(), c.server(), c.namespace(), c.tls(), new Credential.None(), null,
                    c.proxy(), imp, c.requestTimeout());
        }
        String token = Json.text(u, "token");
        String tokenFile = Json.text(u, "tokenFile");
        String username = Json.text(u, "username");
        String password = Json.text(u, "password");
        boolean hasToken = token != null && !token.isEmpty();
        boolean hasBasic = (username != null && !username.isEmpty()) || (password != null && !password.isEmpty());
        if (hasToken && hasBasic) {
            throw new DoctorException(ExitCode.DATA, where + " has both a token and a username/password; kubectl"
                    + " allows only one authentication method");
        }
        JsonNode exec = Json.at(u, "exec");
        JsonNode provider = Json.at(u, "auth-provider");
        if (exec != null && provider != null) {
            throw new DoctorException(ExitCode.DATA, where + " has both an exec plugin and an auth-provider; kubectl"
                    + " refuses that combination");
        }
        Credential cred;
        if (hasToken) {
            cred = new Credential.Token(token);
        } else if (tokenFile != null && !tokenFile.isEmpty()) {
            cred = new Credential.TokenFile(user.resolve(tokenFile));
        } else if (hasBasic) {
            cred = new Credential.Basic(username == null ? "" : username, password == null ? "" : password);
        } else if (exec != null) {
            cred = exec(exec, Json.at(cluster.body(), "extensions"), user, where, c, env);
        } else if (provider != null) {
            cred = AuthProviders.credential(provider, user.name(), where);
        } else {
            cred = new Credential.None();
        }
        return new ClusterConfig(c.context(), c.server(), c.namespace(), c.tls(), cred, clientCertificate(u, user, where),
                c.proxy(), imp, c.requestTimeout());
    }

    private static ClusterConfig.ClientCertificate clientCertificate(JsonNode u, Kubeconfig.Entry user, String where) {
        String certData = Json.text(u, "client-certificate-data");
        String certFile = Json.text(u, "client-certificate");
        String keyData = Json.text(u, "client-key-data");
        String keyFile = Json.text(u, "client-key");
        boolean hasCert = !empty(certData) || !empty(certFile);
        if (!hasCert) {
            return null;
        }
        if (!empty(certData) && !empty(certFile)) {
            throw new DoctorException(ExitCode.DATA, where + " sets both client-certificate-data and client-certificate");
        }
        if (!empty(keyData) && !empty(keyFile)) {
            throw new DoctorException(ExitCode.DATA, where + " sets both client-key-data and client-key");
        }
        if (empty(keyData) && empty(keyFile)) {
            throw new DoctorException(ExitCode.DATA, where + " has a client certificate but no client-key-data or"
                    + " client-key");
        }
        String certWhat = !empty(certData) ? where + ": client-certificate-data"
                : where + ": client-certificate " + user.resolve(certFile);
        String keyWhat = !empty(keyData) ? where + ": client-key-data" : where + ": client-key " + user.resolve(keyFile);
        byte[] cert = !empty(certData) ? ConfigResolver.decodeBase64(certData, certWhat)
                : ConfigResolver.readFile(user.resolve(certFile), where + ": client-certificate");
        byte[] key = !empty(keyData) ? ConfigResolver.decodeBase64(keyData, keyWhat)
                : ConfigResolver.readFile(user.resolve(keyFile), where + ": client-key");
        String certPem = new String(cert, StandardCharsets.UTF_8);
        String keyPem = new String(key, StandardCharsets.UTF_8);
        try {
            Pem.certificates(certPem);
        } catch (Pem.Invalid e) {
            throw new DoctorException(ExitCode.DATA, certWhat + " holds " + e.getMessage());
        }
        try {
            Pem.privateKey(keyPem);
        } catch (Pem.Invalid e) {
            throw new DoctorException(ExitCode.DATA, keyWhat + " holds " + e.getMessage());
        }
        return new ClusterConfig.ClientCertificate(certPem, keyPem, certWhat);
    }

    private static Credential exec(JsonNode e, JsonNode extensions, Kubeconfig.Entry user, String where,
            ClusterConfig c, Environment env) {
        String command = Json.text(e, "command");
        String apiVersion = Json.text(e, "apiVersion");
        if (empty(command)) {
            throw new DoctorException(ExitCode.DATA, where + ": the exec plugin has no command");
        }
        if (empty(apiVersion) || !EXEC_VERSIONS.contains(apiVersion)) {
            throw new DoctorException(ExitCode.DATA, where + ": the exec plugin's apiVersion '" + apiVersion
                    + "' is not one kubectl accepts (" + String.join(", ", EXEC_VERSIONS) + ")");
        }
        String mode = Json.text(e, "interactiveMode");
        if (empty(mode)) {
            // clientcmd/api/v1/defaults.go SetDefaults_ExecConfig defaults only v1beta1; v1 must say it.
            if (apiVersion.endsWith("/v1")) {
                throw new DoctorException(ExitCode.DATA, where + ": an exec plugin of " + apiVersion
                        + " must set interactiveMode (Never, IfAvailable or Always), as kubectl requires");
            }
            mode = "IfAvailable";
        }
        if (!INTERACTIVE_MODES.contains(mode)) {
            throw new DoctorException(ExitCode.DATA, where + ": the exec plugin's interactiveMode '" + mode
                    + "' is not Never, IfAvailable or Always");
        }
        List<String> args = new ArrayList<>();
        for (JsonNode a : Json.items(e, "args")) {
            args.add(a.asText());
        }
        List<String> vars = new ArrayList<>();
        for (JsonNode v : Json.items(e, "env")) {
            String name = Json.text(v, "name");
            if (empty(name)) {
                throw new DoctorException(ExitCode.DATA, where + ": an env entry of the exec plugin has no name");
            }
            vars.add(name + "=" + (Json.text(v, "value") == null ? "" : Json.text(v, "value")));
        }
        // A command with a path separator is relative to the kubeconfig (loader.go GetAuthInfoFileReferences).
        String cmd = command.contains("/") ? user.resolve(command).toString() : command;
        JsonNode ext = null;
        for (JsonNode x : Json.items(extensions)) {
            if (EXEC_EXTENSION.equals(Json.text(x, "name"))) {
                ext = Json.at(x, "extension");
            }
        }
        boolean interactive = !mode.equals("Never") && env.terminal();
        Duration timeout = interactive ? INTERACTIVE_EXEC_TIMEOUT
                : c.requestTimeout().isZero() ? EXEC_TIMEOUT : c.requestTimeout();
        return new Credential.Exec(cmd, args, vars, apiVersion, Json.text(e, "installHint"),
                Json.bool(e, "provideClusterInfo"), mode, ext, timeout);
    }

    private static ClusterConfig.Impersonation impersonation(JsonNode u, String where) {
        String as = Json.text(u, "as");
        String uid = Json.text(u, "as-uid");
        List<String> groups = Json.strings(u, "as-groups");
        Map<String, List<String>> extra = new LinkedHashMap<>();
        JsonNode x = Json.at(u, "as-user-extra");
        if (x != null && x.isObject()) {
            x.properties().forEach(en -> {
                List<String> values = new ArrayList<>();
                en.getValue().forEach(v -> values.add(v.asText()));
                extra.put(en.getKey(), values);
            });
        }
        if (empty(as)) {
            if (!groups.isEmpty() || !extra.isEmpty()) {
                throw new DoctorException(ExitCode.DATA, where + " asks for impersonated groups or extra without a"
                        + " user to impersonate ('as')");
            }
            return ClusterConfig.Impersonation.none();
        }
        return new ClusterConfig.Impersonation(as, empty(uid) ? null : uid, groups, extra);
    }

    private static boolean empty(String s) {
        return s == null || s.isEmpty();
    }

    /** The one auth-provider kubectl still ships for this purpose is oidc; the others were removed in 1.26. */
    static final class AuthProviders {
        private AuthProviders() {
        }

        static Credential credential(JsonNode provider, String user, String where) {
            String name = Json.text(provider, "name");
            JsonNode cfg = Json.at(provider, "config");
            if (!"oidc".equals(name)) {
                throw new DoctorException(ExitCode.NOPERM, where + ": auth-provider '" + name + "' is not supported"
                        + " (kubectl dropped the gcp and azure providers in 1.26): use the provider's exec plugin"
                        + " (gke-gcloud-auth-plugin, kubelogin) in the kubeconfig instead");
            }
            // client-go plugin/pkg/client/auth/oidc/oidc.go newOIDCAuthProvider requires both.
            for (String required : List.of("idp-issuer-url", "client-id")) {
                if (empty(Json.text(cfg, required))) {
                    throw new DoctorException(ExitCode.DATA, where + ": the oidc auth-provider has no " + required);
                }
            }
            String idToken = Json.text(cfg, "id-token");
            if (empty(idToken)) {
                throw new DoctorException(ExitCode.NOPERM, where + ": the oidc auth-provider has no id-token, and"
                        + " injector-doctor does not log in or refresh tokens: run a kubectl command to refresh it");
            }
            return new Credential.Oidc(idToken, user);
        }
    }
}
