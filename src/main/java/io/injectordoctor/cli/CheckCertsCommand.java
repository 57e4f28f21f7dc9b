package io.injectordoctor.cli;

import io.injectordoctor.app.CertsService;
import io.injectordoctor.app.FleetService;
import io.injectordoctor.app.Outcome;
import io.injectordoctor.render.CertReportText;
import io.injectordoctor.report.CertReport;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
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
            "Exit codes: 0 healthy (warnings alone do not fail), 1 an ERROR finding, 2 partial: no ERROR, but the",
            "API server failed (5xx) to give some kind, so what needs it was not checked (1 wins over 2), 64 usage,",
            "65 bad input, 69 cluster unreachable, 74 cannot write the output, 77 forbidden. Finding codes and",
            "fixes: docs/check-certs.md."
        })
public final class CheckCertsCommand implements Callable<Integer> {
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
        CertsService.HostPort address = injectorAddress == null ? null : CertsService.HostPort.parse(injectorAddress);
        CertsService.Options options = new CertsService.Options(rootCert, address, noProbe, expiryWarning);
        if (fleet.active()) {
            return Fleet.run(spec, global, fleet, access -> {
                Outcome<CertReport> o = new CertsService(access).run(options);
                return new FleetService.Summary(o.exitCode(), Map.of("success", o.report().success()));
            });
        }
        return new Output(spec, global).emit(new CertsService(global.access(spec)).run(options),
                (out, style, r) -> out.print(CertReportText.render(r, style, global.invocation())));
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
