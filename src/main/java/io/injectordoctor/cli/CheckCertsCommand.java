package io.injectordoctor.cli;

import io.injectordoctor.DoctorException;
import io.injectordoctor.ExitCode;
import io.injectordoctor.certs.BundleParser;
import io.injectordoctor.certs.CertDiagnosis;
import io.injectordoctor.report.CertReport;
import io.injectordoctor.render.CertReportText;
import io.injectordoctor.certs.InjectorPod;
import io.injectordoctor.certs.ProbeOutcome;
import io.injectordoctor.report.ProbeTarget;
import io.injectordoctor.certs.RootLocator;
import io.injectordoctor.certs.TlsProbe;
import io.injectordoctor.cluster.ApiException;
import io.injectordoctor.cluster.ClusterGateway;
import io.injectordoctor.cluster.ClusterSnapshot;
import io.injectordoctor.cluster.PortForward;
import io.injectordoctor.cluster.LoadRequest;
import io.injectordoctor.cluster.ResourceKind;
import io.injectordoctor.render.Structured;
import io.injectordoctor.render.Style;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "check-certs", mixinStandardHelpOptions = true,
        description = {
            "Checks that the caBundle of every injection webhook trusts the certificate the injector serves:",
            "the mesh root and where it was found, the runbook's md5 digests, certificate identity (sha256),",
            "validity and expiry, and a TLS handshake with a ready injector pod."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  injector-doctor check-certs",
            "  injector-doctor check-certs -o json",
            "  injector-doctor check-certs --root-cert root-cert.pem --expiry-warning 60d",
            "  injector-doctor check-certs --injector-address 127.0.0.1:15017",
            "  injector-doctor check-certs --snapshot cluster-dump.yaml",
            "",
            "Exit codes: 0 healthy (warnings alone do not fail), 1 an ERROR finding, 64 usage, 65 bad input,",
            "69 cluster unreachable, 77 forbidden. Finding codes and fixes: docs/check-certs.md."
        })
public final class CheckCertsCommand implements Callable<Integer> {
    private static final Set<ResourceKind> KINDS = Set.of(ResourceKind.MUTATING_WEBHOOK_CONFIGURATION,
            ResourceKind.CONFIGMAP, ResourceKind.SECRET, ResourceKind.SERVICE, ResourceKind.ENDPOINTS);

    @Mixin
    GlobalOptions global;

    @Mixin
    FleetOptions fleet;

    @Spec
    CommandSpec spec;

    @Option(names = "--root-cert", paramLabel = "FILE",
            description = "The mesh root certificate (PEM) to compare with, instead of looking for it in the cluster.")
    Path rootCert;

    @Option(names = "--expiry-warning", paramLabel = "DURATION", defaultValue = "30d",
            converter = DurationConverter.class,
            description = "Warn about certificates that expire within this time, e.g. 30d, 12h (default: ${DEFAULT-VALUE}).")
    Duration expiryWarning;

    @Option(names = "--injector-address", paramLabel = "HOST:PORT",
            description = "Probe the injector here instead of port-forwarding to a ready injector pod.")
    String injectorAddress;

    @Option(names = "--no-probe", description = "Do not connect to the injector; check the caBundle and root only.")
    boolean noProbe;

    @Override
    public Integer call() {
        if (fleet.active()) {
            return Fleet.run(spec, global, fleet);
        }
        Optional<RootLocator.Override> override = readRootCert();
        HostPort address = injectorAddress == null ? null : HostPort.parse(injectorAddress);
        ClusterSnapshot snapshot = Loading.snapshot(global, new LoadRequest(KINDS, null, null));
        Loading.require(snapshot, ResourceKind.MUTATING_WEBHOOK_CONFIGURATION);
        Map<ProbeTarget, ProbeOutcome> probes = probe(snapshot, address);
        CertReport report = CertDiagnosis.analyze(snapshot, override, probes, Instant.now(), expiryWarning);
        PrintWriter out = spec.commandLine().getOut();
        switch (global.output) {
            case json -> Structured.write(out, report, false);
            case yaml -> Structured.write(out, report, true);
            case text -> {
                out.print(CertReportText.render(report, Style.detect(global.noColor)));
                out.flush();
            }
        }
        return report.success() ? ExitCode.OK : ExitCode.FINDINGS;
    }

    private Optional<RootLocator.Override> readRootCert() {
        if (rootCert == null) {
            return Optional.empty();
        }
        String text;
        try {
            text = Files.readString(rootCert, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new DoctorException(ExitCode.DATA, rootCert + ": no such file (--root-cert)");
        } catch (IOException e) {
            throw new DoctorException(ExitCode.DATA, rootCert + ": cannot read (--root-cert): " + e.getMessage());
        }
        var parsed = BundleParser.parsePem(text);
        if (parsed.certificates().isEmpty()) {
            throw new DoctorException(ExitCode.DATA, rootCert + ": holds no PEM certificate (--root-cert): "
                    + parsed.problems().get(0).detail());
        }
        return Optional.of(new RootLocator.Override(rootCert.toString(), text));
    }

    private Map<ProbeTarget, ProbeOutcome> probe(ClusterSnapshot snapshot, HostPort address) {
        Map<ProbeTarget, ProbeOutcome> probes = new LinkedHashMap<>();
        Duration timeout = Duration.ofSeconds(Math.max(1, global.requestTimeoutSeconds));
        Set<ProbeTarget> targets = CertDiagnosis.probeTargets(snapshot);
        if (targets.isEmpty()) {
            return probes;
        }
        if (noProbe || (address == null && global.snapshot != null)) {
            String why = noProbe ? "--no-probe was given"
                    : "the cluster state comes from a snapshot, so there is no injector to connect to"
                            + " (give --injector-address HOST:PORT to probe one)";
            targets.forEach(t -> probes.put(t, new ProbeOutcome.NotProbed(null, why)));
            return probes;
        }
        if (address != null) {
            targets.forEach(t -> probes.put(t, TlsProbe.probe(address.host(), address.port(), t.dnsName(), timeout)));
            return probes;
        }
        try (ClusterGateway api = Loading.gateway(global)) {
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
    record HostPort(String host, int port) {
        static HostPort parse(String s) {
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

    /** "30d", "12h", "90m", "45s", or an ISO-8601 duration such as "P30D". */
    static final class DurationConverter implements ITypeConverter<Duration> {
        private static final Pattern SIMPLE = Pattern.compile("(\\d+)([dhms])");

        @Override
        public Duration convert(String value) {
            Matcher m = SIMPLE.matcher(value.trim());
            if (m.matches()) {
                long n = Long.parseLong(m.group(1));
                return switch (m.group(2)) {
                    case "d" -> Duration.ofDays(n);
                    case "h" -> Duration.ofHours(n);
                    case "m" -> Duration.ofMinutes(n);
                    default -> Duration.ofSeconds(n);
                };
            }
            try {
                return Duration.parse(value.trim());
            } catch (java.time.format.DateTimeParseException e) {
                throw new picocli.CommandLine.TypeConversionException(
                        "'" + value + "' is not a duration (use e.g. 30d, 12h, 90m)");
            }
        }
    }
}
