package io.injectordoctor.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;

/**
 * How the user proves who they are, as the kubeconfig says. Only over TLS: kubectl reads no
 * credential for a plain-HTTP server (client-go tools/clientcmd/client_config.go,
 * DirectClientConfig.ClientConfig: "only try to read the auth information if we are secure").
 * No {@code toString} here ever shows a secret.
 */
public sealed interface Credential {
    /** What a message may say about the credential. */
    String describe();

    record None() implements Credential {
        @Override
        public String describe() {
            return "no credentials";
        }
    }

    record Token(String token) implements Credential {
        @Override
        public String describe() {
            return "a bearer token";
        }

        @Override
        public String toString() {
            return "Token[***]";
        }
    }

    /** A token read from a file at each use, as client-go's file token source does (whitespace trimmed). */
    record TokenFile(Path file) implements Credential {
        @Override
        public String describe() {
            return "the token file " + file;
        }
    }

    record Basic(String username, String password) implements Credential {
        @Override
        public String describe() {
            return "basic authentication as " + username;
        }

        @Override
        public String toString() {
            return "Basic[" + username + ", ***]";
        }
    }

    /**
     * A client-go credential plugin (kubernetes/client-go plugin/pkg/client/auth/exec/exec.go).
     *
     * @param command         the executable: a name looked up on PATH, or a path resolved against the kubeconfig
     * @param env             extra variables as "NAME=value", added to the inherited environment
     * @param interactiveMode Never, IfAvailable or Always
     * @param extension       the cluster's {@code client.authentication.k8s.io/exec} extension, or null
     * @param timeout         how long the plugin may run before it is stopped
     */
    record Exec(String command, List<String> args, List<String> env, String apiVersion, String installHint,
            boolean provideClusterInfo, String interactiveMode, JsonNode extension, java.time.Duration timeout)
            implements Credential {
        public Exec {
            args = List.copyOf(args);
            env = List.copyOf(env);
        }

        @Override
        public String describe() {
            return "the exec plugin " + command;
        }

        /** Arguments and environment may carry secrets; the command name says enough. */
        @Override
        public String toString() {
            return "Exec[" + command + ", " + apiVersion + "]";
        }
    }

    /** An oidc auth-provider entry: its id-token is used while it is valid, as client-go's oidc provider does. */
    record Oidc(String idToken, String user) implements Credential {
        @Override
        public String describe() {
            return "the oidc id-token of user " + user;
        }

        @Override
        public String toString() {
            return "Oidc[" + user + ", ***]";
        }
    }
}
