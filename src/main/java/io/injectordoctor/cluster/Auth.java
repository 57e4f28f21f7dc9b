package io.injectordoctor.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import io.injectordoctor.DoctorException;
import io.injectordoctor.ExitCode;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.net.ssl.KeyManager;

/**
 * The credentials of one gateway, worked out when the first request needs them: a token file is
 * read, an exec plugin is run (again when its credential expires, or once after a 401), an oidc
 * id-token is used only while valid. Only over TLS; a failure is an error naming the source,
 * never a quiet fall-back to anonymous requests.
 */
final class Auth {
    /** client-go oidc.go expiryDelta: a token this close to its expiry counts as expired. */
    static final Duration OIDC_EXPIRY_DELTA = Duration.ofSeconds(10);

    private final ClusterConfig config;
    private final boolean terminal;
    private final Clock clock;
    private ExecPlugin.Result exec;
    private boolean refreshedAfter401;

    Auth(ClusterConfig config, boolean terminal, Clock clock) {
        this.config = config;
        this.terminal = terminal;
        this.clock = clock;
    }

    /** The request headers: Authorization (over TLS only) and impersonation. */
    synchronized List<String[]> headers() {
        List<String[]> h = new ArrayList<>();
        String authz = config.secure() ? authorization() : null;
        if (authz != null) {
            h.add(new String[] {"Authorization", authz});
        }
        ClusterConfig.Impersonation imp = config.impersonation();
        if (imp.active()) {
            h.add(new String[] {"Impersonate-User", imp.user()});
            if (imp.uid() != null) {
                h.add(new String[] {"Impersonate-Uid", imp.uid()});
            }
            for (String g : imp.groups()) {
                h.add(new String[] {"Impersonate-Group", g});
            }
            for (Map.Entry<String, List<String>> e : imp.extra().entrySet()) {
                for (String v : e.getValue()) {
                    h.add(new String[] {"Impersonate-Extra-" + URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8), v});
                }
            }
        }
        return h;
    }

    private String authorization() {
        Credential c = config.credential();
        if (c instanceof Credential.Token t) {
            return "Bearer " + t.token();
        }
        if (c instanceof Credential.TokenFile f) {
            return "Bearer " + tokenFile(f);
        }
        if (c instanceof Credential.Basic b) {
            return "Basic " + Base64.getEncoder().encodeToString((b.username() + ":" + b.password())
                    .getBytes(StandardCharsets.UTF_8));
        }
        if (c instanceof Credential.Oidc o) {
            return "Bearer " + oidc(o);
        }
        if (c instanceof Credential.Exec e) {
            ExecPlugin.Result r = exec(e);
            return r.token() == null ? null : "Bearer " + r.token();
        }
        return null;
    }

    /** Client certificate and key for TLS: the kubeconfig's, else an exec plugin's; null when none. */
    synchronized KeyManager[] keyManagers() {
        ClusterConfig.ClientCertificate cc = config.clientCertificate();
        if (cc != null) {
            return TlsSetup.keyManagers(cc.certificatePem(), cc.keyPem(), cc.source());
        }
        if (config.credential() instanceof Credential.Exec e) {
            ExecPlugin.Result r = exec(e);
            if (r.certificatePem() != null) {
                return TlsSetup.keyManagers(r.certificatePem(), r.keyPem(), "the certificate of the exec plugin '"
                        + e.command() + "'");
            }
        }
        return null;
    }

    /**
     * After a 401, an exec plugin is asked once more (its credential may have been revoked), as
     * client-go's exec round tripper does; true when a retry may help.
     */
    synchronized boolean refreshAfterUnauthorized() {
        if (!(config.credential() instanceof Credential.Exec) || refreshedAfter401 || !config.secure()) {
            return false;
        }
        refreshedAfter401 = true;
        exec = null;
        return true;
    }

    /** Whether TLS needs the plugin's certificate, which is known only once it has run. */
    boolean execMayProvideCertificate() {
        return config.credential() instanceof Credential.Exec && config.clientCertificate() == null;
    }

    private ExecPlugin.Result exec(Credential.Exec e) {
        if (exec == null || exec.expired(clock.instant())) {
            exec = ExecPlugin.run(e, config, terminal);
        }
        return exec;
    }

    private static String tokenFile(Credential.TokenFile f) {
        try {
            String t = Files.readString(f.file()).strip();
            if (t.isEmpty()) {
                throw new DoctorException(ExitCode.DATA, "the token file " + f.file() + " is empty");
            }
            return t;
        } catch (NoSuchFileException e) {
            throw new DoctorException(ExitCode.DATA, "the token file " + f.file() + " does not exist");
        } catch (IOException e) {
            throw new DoctorException(ExitCode.DATA, "cannot read the token file " + f.file() + " ("
                    + e.getClass().getSimpleName() + ")");
        }
    }

    /** The id-token while it is valid (client-go plugin/pkg/client/auth/oidc/oidc.go idTokenExpired). */
    private String oidc(Credential.Oidc o) {
        Instant exp = jwtExpiry(o.idToken(), o.user());
        if (!clock.instant().plus(OIDC_EXPIRY_DELTA).isBefore(exp)) {
            throw new DoctorException(ExitCode.NOPERM, "the oidc id-token of user \"" + o.user() + "\" expired at " + exp
                    + "; injector-doctor does not refresh tokens: run a kubectl command to refresh it, then try again");
        }
        return o.idToken();
    }

    static Instant jwtExpiry(String jwt, String user) {
        String[] parts = jwt.split("\\.", -1);
        if (parts.length != 3) {
            throw new DoctorException(ExitCode.DATA, "the oidc id-token of user \"" + user + "\" is not a JWT");
        }
        try {
            JsonNode claims = JsonTree.read(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
            JsonNode exp = Json.at(claims, "exp");
            if (exp == null || !exp.isNumber()) {
                throw new DoctorException(ExitCode.DATA, "the oidc id-token of user \"" + user + "\" has no expiry (exp)");
            }
            return Instant.ofEpochSecond(exp.longValue());
        } catch (IOException | IllegalArgumentException e) {
            throw new DoctorException(ExitCode.DATA, "the oidc id-token of user \"" + user + "\" is not a JWT");
        }
    }
}
