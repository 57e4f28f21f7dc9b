package io.injectordoctor.cli;

import io.injectordoctor.app.Outcome;
import io.injectordoctor.app.RestartService;
import io.injectordoctor.render.RestartText;
import io.injectordoctor.report.RestartRecord;
import java.io.Console;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "restart-injector", mixinStandardHelpOptions = true,
        description = {
            "The runbook's remediation: restart the sidecar injector the way 'kubectl rollout restart' does,",
            "wait for the rollout and for ready endpoints, and check the endpoints and the caBundle before",
            "and after. Nothing is restarted when the injector looks healthy (unless --force), and nothing",
            "changes without consent: on a terminal it asks; otherwise it needs --yes."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  injector-doctor restart-injector --dry-run",
            "      show the state and the patch; the server validates it with dryRun=All, nothing changes",
            "  injector-doctor restart-injector",
            "      ask on the terminal, then restart and verify",
            "  injector-doctor restart-injector --revision 1-16 --yes --timeout 10m",
            "      restart the injector of revision 1-16 without asking (scripts, CI)",
            "  injector-doctor restart-injector --deployment istio-system/istio-sidecar-injector -o json --yes",
            "      a legacy injector; the whole record (target, patch, timings, before, after) as JSON",
            "",
            "Exit codes: 0 fixed, healthy, or dry run done; 1 a problem remains, the rollout failed or timed",
            "out, the answer was no, or the Deployment is paused; 3 restarted, but the outcome could not be read",
            "(do not restart again: follow it with kubectl rollout status); 64 usage (several injectors and none",
            "chosen, no --yes off a terminal, a duration too long); 69 cluster unreachable; 74 cannot write the",
            "output; 77 permission missing."
        })
public final class RestartInjectorCommand implements Callable<Integer> {
    @Mixin
    GlobalOptions global;

    @Spec
    CommandSpec spec;

    @Option(names = "--revision", paramLabel = "REV", description = "Restart the injector of this istio.io/rev revision.")
    String revision;

    @Option(names = "--deployment", paramLabel = "NS/NAME", description = "Restart this injector Deployment.")
    String deployment;

    @Option(names = "--force", description = "Restart even when the injector looks healthy.")
    boolean force;

    @Option(names = {"-y", "--yes"}, description = "Do not ask; needed when not on a terminal.")
    boolean yes;

    @Option(names = "--dry-run", description = "Send the patch with dryRun=All and print it; nothing changes.")
    boolean dryRun;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "5m", converter = DurationConverter.class,
            description = "How long to wait for the rollout and the endpoints, e.g. 90s, 5m, 1h; 0 waits forever"
                    + " (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Option(names = "--poll-interval", paramLabel = "DURATION", defaultValue = "2s", converter = DurationConverter.class,
            description = "Time between two looks at the rollout (default: ${DEFAULT-VALUE}).")
    Duration pollInterval;

    @Override
    public Integer call() {
        if (pollInterval.isZero()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--poll-interval must be more than 0");
        }
        Output output = new Output(spec, global);
        Console console = io.injectordoctor.Consoles.terminal();
        ProgressLine line = new ProgressLine(output.out(), console != null && output.text());
        java.util.function.Predicate<String> consent = console == null ? null : summary -> ask(console, summary);
        Outcome<RestartRecord> outcome;
        try {
            outcome = new RestartService(global.access(spec)).run(
                    new RestartService.Options(revision, deployment, force, yes, dryRun, timeout, pollInterval),
                    line, consent);
        } finally {
            line.end();
        }
        return output.emit(outcome, (out, style, r) -> new RestartText(style).print(out, r));
    }

    private static boolean ask(Console console, String summary) {
        console.printf("%s", summary);
        String answer = console.readLine("Restart it now? [y/N] ");
        return answer != null && (answer.trim().equalsIgnoreCase("y") || answer.trim().equalsIgnoreCase("yes"));
    }

    /** One line rewritten in place on a terminal; silent when piped or with -o json/yaml. */
    static final class ProgressLine implements Consumer<String> {
        private final PrintWriter out;
        private final boolean enabled;
        private int width;

        ProgressLine(PrintWriter out, boolean enabled) {
            this.out = out;
            this.enabled = enabled;
        }

        @Override
        public void accept(String s) {
            if (!enabled) {
                return;
            }
            out.print("\r" + s + " ".repeat(Math.max(0, width - s.length())));
            out.flush();
            width = s.length();
        }

        void end() {
            if (enabled && width > 0) {
                out.println();
                out.flush();
            }
        }
    }

    /**
     * Durations as kubectl writes them: 90s, 5m, 1h30m, 500ms; a bare 0 means zero. Anything longer
     * than {@link #MAX} is refused before the cluster is asked: a deadline that overflows is no deadline.
     */
    static final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
        private static final Pattern PART = Pattern.compile("(\\d+)(ms|h|m|s)");
        static final Duration MAX = Duration.ofDays(366);

        @Override
        public Duration convert(String value) {
            String v = value.trim().toLowerCase(Locale.ROOT);
            if (v.equals("0")) {
                return Duration.ZERO;
            }
            Matcher m = PART.matcher(v);
            Duration d = Duration.ZERO;
            int end = 0;
            while (m.find() && m.start() == end) {
                try {
                    long n = Long.parseLong(m.group(1));
                    d = d.plus(switch (m.group(2)) {
                        case "h" -> Duration.ofHours(n);
                        case "m" -> Duration.ofMinutes(n);
                        case "s" -> Duration.ofSeconds(n);
                        default -> Duration.ofMillis(n);
                    });
                } catch (ArithmeticException | NumberFormatException e) {
                    throw tooLong(value);
                }
                end = m.end();
            }
            if (end == 0 || end != v.length()) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not a duration (e.g. 90s, 5m, 1h30m)");
            }
            if (d.compareTo(MAX) > 0) {
                throw tooLong(value);
            }
            return d;
        }

        private static CommandLine.TypeConversionException tooLong(String value) {
            return new CommandLine.TypeConversionException("'" + value + "' is too long: at most " + MAX.toHours() + "h");
        }
    }
}
