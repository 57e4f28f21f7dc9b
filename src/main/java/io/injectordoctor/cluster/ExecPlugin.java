package io.injectordoctor.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.injectordoctor.DoctorException;
import io.injectordoctor.ExitCode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a client-go credential plugin the way kubectl does
 * (client-go plugin/pkg/client/auth/exec/exec.go, Authenticator.refreshCredsLocked): the command
 * with its arguments, the inherited environment plus the kubeconfig's env entries plus
 * KUBERNETES_EXEC_INFO (an ExecCredential of the configured apiVersion with spec.interactive and,
 * when provideClusterInfo is set, spec.cluster), standard input only when interactive. Its answer
 * must be an ExecCredential of that apiVersion with a token or a certificate and key. Unlike
 * kubectl it is stopped after its own timeout, and every failure says so with the plugin's name;
 * nothing it printed on standard output ever reaches a message.
 */
final class ExecPlugin {
    private static final int MAX_OUTPUT = 1 << 20;

    /** What the plugin returned; the token and key never appear in {@link #toString()}. */
    record Result(String token, String certificatePem, String keyPem, Instant expires) {
        boolean expired(Instant now) {
            return expires != null && !now.isBefore(expires);
        }

        @Override
        public String toString() {
            return "ExecPlugin.Result[expires=" + expires + "]";
        }
    }

    private ExecPlugin() {
    }

    static Result run(Credential.Exec e, ClusterConfig c, boolean terminal) {
        String name = "the exec plugin '" + e.command() + "'";
        boolean interactive = !e.interactiveMode().equals("Never") && terminal;
        if (e.interactiveMode().equals("Always") && !terminal) {
            throw new DoctorException(ExitCode.NOPERM, name + " needs a terminal (interactiveMode Always) and there is none");
        }
        List<String> cmd = new ArrayList<>();
        cmd.add(e.command());
        cmd.addAll(e.args());
        ProcessBuilder pb = new ProcessBuilder(cmd);
        for (String v : e.env()) {
            int eq = v.indexOf('=');
            pb.environment().put(v.substring(0, eq), v.substring(eq + 1));
        }
        pb.environment().put("KUBERNETES_EXEC_INFO", execInfo(e, c, interactive));
        if (interactive) {
            pb.redirectInput(ProcessBuilder.Redirect.INHERIT).redirectError(ProcessBuilder.Redirect.INHERIT);
        }
        Process p;
        try {
            p = pb.start();
        } catch (IOException ex) {
            String hint = e.installHint() == null ? "" : ": " + e.installHint().replaceAll("\\s+", " ").strip();
            throw new DoctorException(ExitCode.NOPERM, name + " was not found or cannot be run" + hint);
        }
        if (!interactive) {
            try {
                p.getOutputStream().close();
            } catch (IOException ignored) {
                // the plugin does not read its input
            }
        }
        Drain out = new Drain(p.getInputStream());
        Drain err = interactive ? null : new Drain(p.getErrorStream());
        try {
            if (!p.waitFor(e.timeout().toMillis(), TimeUnit.MILLISECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                throw new DoctorException(ExitCode.UNAVAILABLE, name + " did not finish within "
                        + e.timeout().toSeconds() + "s and was stopped");
            }
            // A child the plugin left behind may hold the pipes open; what was written is there by now.
            out.join(2_000);
            if (err != null) {
                err.join(2_000);
            }
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw new DoctorException(ExitCode.UNAVAILABLE, name + " was interrupted");
        }
        if (p.exitValue() != 0) {
            String said = err == null ? "" : lastLine(err.text());
            throw new DoctorException(ExitCode.NOPERM, name + " failed with exit code " + p.exitValue()
                    + (said.isEmpty() ? "" : ": " + said));
        }
        return parse(out.bytes(), e.apiVersion(), name);
    }

    static Result parse(byte[] stdout, String apiVersion, String name) {
        JsonNode n;
        try {
            n = JsonTree.read(new String(stdout, StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException ex) {
            throw new DoctorException(ExitCode.NOPERM, name + " printed something that is not an ExecCredential (not JSON)");
        }
        if (!n.isObject() || !"ExecCredential".equals(Json.text(n, "kind"))) {
            throw new DoctorException(ExitCode.NOPERM, name + " printed something that is not an ExecCredential");
        }
        String v = Json.text(n, "apiVersion");
        if (!apiVersion.equals(v)) {
            throw new DoctorException(ExitCode.NOPERM, name + " is configured for " + apiVersion + " but answered with "
                    + (v == null ? "no apiVersion" : v));
        }
        JsonNode status = Json.at(n, "status");
        if (status == null || !status.isObject()) {
            throw new DoctorException(ExitCode.NOPERM, name + " returned no status");
        }
        String token = Json.text(status, "token");
        String cert = Json.text(status, "clientCertificateData");
        String key = Json.text(status, "clientKeyData");
        boolean hasToken = token != null && !token.isEmpty();
        boolean hasCert = cert != null && !cert.isEmpty();
        boolean hasKey = key != null && !key.isEmpty();
        if (!hasToken && !hasCert && !hasKey) {
            throw new DoctorException(ExitCode.NOPERM, name + " returned neither a token nor a certificate and key");
        }
        if (hasCert != hasKey) {
            throw new DoctorException(ExitCode.NOPERM, name + " returned only a certificate or a key, not both");
        }
        Instant expires = null;
        String exp = Json.text(status, "expirationTimestamp");
        if (exp != null && !exp.isEmpty()) {
            try {
                expires = Instant.parse(exp);
            } catch (DateTimeParseException ex) {
                throw new DoctorException(ExitCode.NOPERM, name + " returned an expirationTimestamp that is not a time");
            }
        }
        return new Result(hasToken ? token : null, hasCert ? cert : null, hasKey ? key : null, expires);
    }

    /** The ExecCredential handed to the plugin in KUBERNETES_EXEC_INFO. */
    static String execInfo(Credential.Exec e, ClusterConfig c, boolean interactive) {
        ObjectNode info = JsonTree.NODES.objectNode();
        info.put("kind", "ExecCredential").put("apiVersion", e.apiVersion());
        ObjectNode spec = info.putObject("spec");
        if (e.provideClusterInfo()) {
            ObjectNode cl = spec.putObject("cluster");
            cl.put("server", c.serverText());
            if (c.tls().serverName() != null) {
                cl.put("tls-server-name", c.tls().serverName());
            }
            if (c.tls().insecure()) {
                cl.put("insecure-skip-tls-verify", true);
            }
            if (c.tls().caPem() != null) {
                cl.put("certificate-authority-data",
                        Base64.getEncoder().encodeToString(c.tls().caPem().getBytes(StandardCharsets.UTF_8)));
            }
            if (c.proxy() != null) {
                cl.put("proxy-url", c.proxy().toString());
            }
            if (e.extension() != null) {
                cl.set("config", e.extension());
            }
        }
        spec.put("interactive", interactive);
        return info.toString();
    }

    private static String lastLine(String text) {
        List<String> lines = text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        if (lines.isEmpty()) {
            return "";
        }
        String l = lines.get(lines.size() - 1);
        return l.length() > 200 ? l.substring(0, 200) + "..." : l;
    }

    /** Reads one of the plugin's outputs on its own thread, so that a full pipe cannot block the plugin. */
    private static final class Drain extends Thread {
        private final InputStream in;
        private final ByteArrayOutputStream buf = new ByteArrayOutputStream();

        Drain(InputStream in) {
            super("exec-plugin-output");
            this.in = in;
            setDaemon(true);
            start();
        }

        @Override
        public void run() {
            byte[] b = new byte[8192];
            try (in) {
                for (int n; (n = in.read(b)) > 0;) {
                    if (buf.size() < MAX_OUTPUT) {
                        buf.write(b, 0, Math.min(n, MAX_OUTPUT - buf.size()));
                    }
                }
            } catch (IOException ignored) {
                // the plugin ended or was stopped
            }
        }

        byte[] bytes() {
            return buf.toByteArray();
        }

        String text() {
            return buf.toString(StandardCharsets.UTF_8);
        }
    }
}
