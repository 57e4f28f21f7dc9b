package io.injectordoctor.app;

import io.injectordoctor.DoctorException;
import io.injectordoctor.ExitCode;
import io.injectordoctor.certs.BundleParser;
import io.injectordoctor.certs.CertDiagnosis;
import io.injectordoctor.certs.InjectorPod;
import io.injectordoctor.certs.ProbeOutcome;
import io.injectordoctor.certs.RootLocator;
import io.injectordoctor.certs.TlsProbe;
import io.injectordoctor.cluster.ApiException;
import io.injectordoctor.cluster.ClusterGateway;
import io.injectordoctor.cluster.ClusterSnapshot;
import io.injectordoctor.cluster.InputFiles;
import io.injectordoctor.cluster.LoadRequest;
import io.injectordoctor.cluster.PortForward;
import io.injectordoctor.cluster.ResourceKind;
import io.injectordoctor.report.CertReport;
import io.injectordoctor.report.ProbeTarget;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code check-certs}: does the caBundle of every injection webhook trust what the injector serves?
 * The mesh root from the cluster (or a file), and a TLS handshake with the injector: at an address
 * given, or through a port-forward to a ready injector pod.
 */
public final class CertsService {
    private static final Set<ResourceKind> KINDS = Set.of(ResourceKind.MUTATING_WEBHOOK_CONFIGURATION,
            ResourceKind.CONFIGMAP, ResourceKind.SECRET, ResourceKind.SERVICE, ResourceKind.ENDPOINTS);

    /** Far more than any bundle of root certificates. */
    private static final long MAX_PEM = 16L << 20;

    private final ClusterAccess access;

    public CertsService(ClusterAccess access) {
        this.access = access;
    }

    /**
     * @param rootCert       the mesh root to compare with (null: look for it in the cluster)
     * @param address        the injector to probe (null: port-forward to a ready injector pod)
     * @param noProbe        do not connect to the injector
     * @param expiryWarning  warn about certificates that expire within this time
     */
    public record Options(Path rootCert, HostPort address, boolean noProbe, Duration expiryWarning) {
    }

    public Outcome<CertReport> run(Options options) {
        Optional<RootLocator.GivenRoot> override = readRootCert(options.rootCert());
        ClusterSnapshot snapshot = access.snapshot(new LoadRequest(KINDS, null, null).withPartialResults());
        ClusterAccess.require(snapshot, ResourceKind.MUTATING_WEBHOOK_CONFIGURATION);
        Map<ProbeTarget, ProbeOutcome> probes = probe(snapshot, options);
        CertReport report = CertDiagnosis.analyze(snapshot, override, probes, Instant.now(), options.expiryWarning())
                .withNotRead(CheckService.notRead(snapshot));
        return Outcome.judged(report, report.success(), report.partial());
    }

    private static Optional<RootLocator.GivenRoot> readRootCert(Path rootCert) {
        if (rootCert == null) {
            return Optional.empty();
        }
        String text;
        try {
            text = InputFiles.readText(rootCert, MAX_PEM);
        } catch (DoctorException e) {
            throw new DoctorException(e.exitCode(), e.getMessage() + " (--root-cert)");
        }
        var parsed = BundleParser.parsePem(text);
        if (parsed.certificates().isEmpty()) {
            throw new DoctorException(ExitCode.DATA, rootCert + ": holds no PEM certificate (--root-cert): "
                    + parsed.problems().get(0).detail());
        }
        return Optional.of(new RootLocator.GivenRoot(rootCert.toString(), text));
    }

    private Map<ProbeTarget, ProbeOutcome> probe(ClusterSnapshot snapshot, Options options) {
        Map<ProbeTarget, ProbeOutcome> probes = new LinkedHashMap<>();
        Duration timeout = Duration.ofSeconds(Math.max(1, access.target().requestTimeoutSeconds()));
        Set<ProbeTarget> targets = CertDiagnosis.probeTargets(snapshot);
        if (targets.isEmpty()) {
            return probes;
        }
        HostPort address = options.address();
        if (options.noProbe() || (address == null && (access.fromSnapshot() || access.target().demo()))) {
            String why = options.noProbe() ? "--no-probe was given"
                    : access.fromSnapshot() ? "the cluster state comes from a snapshot, so there is no injector to connect to"
                            + " (give --injector-address HOST:PORT to probe one)"
                    // A limit of the demo, not of the user's permissions: say what a real cluster does.
                    : "the embedded demo cluster runs no injector process, so there is no certificate to probe; on a"
                            + " real cluster check-certs port-forwards to a ready injector pod (as kubectl port-forward"
                            + " does) and verifies the chain it serves against the caBundle";
            targets.forEach(t -> probes.put(t, new ProbeOutcome.NotProbed(null, why)));
            return probes;
        }
        if (address != null) {
            targets.forEach(t -> probes.put(t, TlsProbe.probe(address.host(), address.port(), t.dnsName(), timeout)));
            return probes;
        }
        try (ClusterGateway api = access.gateway()) {
            for (ProbeTarget t : targets) {
                probes.put(t, forwardAndProbe(api, snapshot, t, timeout));
            }
        }
        return probes;
    }

    private static ProbeOutcome forwardAndProbe(ClusterGateway api, ClusterSnapshot snapshot, ProbeTarget t,
            Duration timeout) {
        InjectorPod.Resolution r = InjectorPod.resolve(snapshot, t);
        if (r.pod().isEmpty()) {
            return new ProbeOutcome.NotProbed(null, r.reason());
        }
        InjectorPod pod = r.pod().get();
        String via = "pod " + pod.namespace() + "/" + pod.pod() + ":" + pod.port();
        try (PortForward pf = api.portForward(pod.namespace(), pod.pod(), pod.port())) {
            ProbeOutcome o = TlsProbe.probe("127.0.0.1", pf.localPort(), t.dnsName(), timeout);
            String tunnel = pf.error();
            if (o instanceof ProbeOutcome.Failed && tunnel != null) {
                // The tunnel's own error says more than the handshake that it broke.
                return new ProbeOutcome.Failed(via, "port-forward failed: " + tunnel
                        + " (port-forwarding needs RBAC verb 'create' on 'pods/portforward')");
            }
            return relabel(o, via + " (port-forward)");
        } catch (ApiException e) {
            return new ProbeOutcome.Failed(via, "port-forward failed: " + e.getMessage());
        }
    }

    private static ProbeOutcome relabel(ProbeOutcome o, String address) {
        if (o instanceof ProbeOutcome.Served s) {
            return new ProbeOutcome.Served(address, s.chain(), s.protocol());
        }
        if (o instanceof ProbeOutcome.Failed f) {
            return new ProbeOutcome.Failed(address, f.reason());
        }
        return o;
    }

    /** HOST:PORT, with [v6]:PORT accepted. */
    public record HostPort(String host, int port) {
        public static HostPort parse(String s) {
            int colon = s.lastIndexOf(':');
            String host = colon > 0 ? s.substring(0, colon) : "";
            if (host.startsWith("[") && host.endsWith("]")) {
                host = host.substring(1, host.length() - 1);
            }
            int port;
            try {
                port = Integer.parseInt(s.substring(colon + 1));
            } catch (NumberFormatException e) {
                port = -1;
            }
            if (host.isEmpty() || port < 1 || port > 65535) {
                throw new DoctorException(ExitCode.USAGE, "--injector-address must be HOST:PORT, got '" + s + "'");
            }
            return new HostPort(host, port);
        }
    }
}
