package io.injectordoctor.cluster;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.injectordoctor.DoctorException;
import io.injectordoctor.ExitCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Builds the fabric8 client configuration the way kubectl would: --kubeconfig, else $KUBECONFIG,
 * else ~/.kube/config, else the in-cluster service account; --context picks the context.
 */
public final class ClusterConfig {
    private ClusterConfig() {
    }

    public static Config build(Path kubeconfig, String context, int requestTimeoutSeconds) {
        Config config = KubeconfigReader.singleFile(kubeconfig)
                .filter(java.nio.file.Files::isRegularFile)
                .flatMap(f -> KubeconfigReader.read(f, context))
                .orElse(null);
        if (config != null) {
            return withTimeouts(config, requestTimeoutSeconds);
        }
        if (kubeconfig != null) {
            String text;
            try {
                text = Files.readString(kubeconfig);
            } catch (NoSuchFileException e) {
                throw new DoctorException(ExitCode.DATA, kubeconfig + ": no such kubeconfig file");
            } catch (IOException e) {
                throw new DoctorException(ExitCode.DATA, kubeconfig + ": cannot read kubeconfig: " + e.getMessage());
            }
            try {
                config = Config.fromKubeconfig(context, text, kubeconfig.toString());
            } catch (RuntimeException e) {
                throw new DoctorException(ExitCode.DATA, kubeconfig + ": malformed kubeconfig: " + firstLine(e), e);
            }
        } else {
            try {
                config = Config.autoConfigure(context);
            } catch (RuntimeException e) {
                throw new DoctorException(ExitCode.DATA, "malformed kubeconfig: " + firstLine(e), e);
            }
        }
        if (context != null && (config.getCurrentContext() == null
                || !context.equals(config.getCurrentContext().getName()))) {
            throw new DoctorException(ExitCode.USAGE, "context \"" + context + "\" not found in the kubeconfig");
        }
        return withTimeouts(config, requestTimeoutSeconds);
    }

    private static Config withTimeouts(Config config, int requestTimeoutSeconds) {
        int ms = Math.max(1, requestTimeoutSeconds) * 1000;
        return new ConfigBuilder(config)
                .withRequestTimeout(ms)
                .withConnectionTimeout(Math.min(ms, 10_000))
                // We retry 429/503 ourselves within a bound; fabric8's own backoff would hide an unreachable server.
                .withRequestRetryBackoffLimit(0)
                .build();
    }

    /** The namespace a context defaults to, else "default". */
    public static String defaultNamespace(Config config) {
        String ns = config.getNamespace();
        return ns == null || ns.isEmpty() ? "default" : ns;
    }

    /** A description of the target for reports: "context NAME (URL)". */
    public static String describe(Config config) {
        String ctx = config.getCurrentContext() == null ? null : config.getCurrentContext().getName();
        return (ctx == null ? "" : "context " + ctx + " ") + "(" + config.getMasterUrl() + ")";
    }

    private static String firstLine(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t && t.getMessage() == null) {
            t = t.getCause();
        }
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return m.lines().findFirst().orElse(m);
    }
}
