package io.injectordoctor.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * kubectl's habit: global options before the subcommand ({@code injector-doctor --demo explain pods -A},
 * {@code --kubeconfig F --context C check}). picocli takes them only after it, so the known global
 * options found before the subcommand's name are moved behind it, with their values, before parsing.
 * Done on the words alone, so that {@link Main} still builds only the subcommand the run names.
 */
final class GlobalArguments {
    /** The options of {@link GlobalOptions} and {@link FleetOptions}, with the number of values each takes. */
    static final Map<String, Integer> ARITY = Map.ofEntries(
            Map.entry("--kubeconfig", 1), Map.entry("--context", 1), Map.entry("-n", 1), Map.entry("--namespace", 1),
            Map.entry("-o", 1), Map.entry("--output", 1), Map.entry("--istio-namespace", 1), Map.entry("--no-color", 0),
            Map.entry("--demo", 0), Map.entry("--snapshot", 1), Map.entry("--request-timeout", 1), Map.entry("--as", 1),
            Map.entry("--as-group", 1), Map.entry("--debug", 0), Map.entry("--contexts", 1),
            Map.entry("--all-contexts", 0), Map.entry("--parallel", 1));

    private GlobalArguments() {
    }

    /**
     * The words with the global options before the subcommand moved right after its name; as they
     * are when no subcommand follows them or an unknown option comes first (picocli then says so).
     */
    static String[] reorder(String[] args) {
        List<String> moved = new ArrayList<>();
        int i = 0;
        while (i < args.length && args[i].startsWith("-") && !args[i].equals("-") && !args[i].equals("--")) {
            int take = width(args, i);
            if (take == 0) {
                return args;
            }
            moved.addAll(Arrays.asList(args).subList(i, i + take));
            i += take;
        }
        if (moved.isEmpty() || i >= args.length || args[i].startsWith("-")) {
            return args;
        }
        List<String> out = new ArrayList<>();
        out.add(args[i]);
        out.addAll(moved);
        out.addAll(Arrays.asList(args).subList(i + 1, args.length));
        return out.toArray(String[]::new);
    }

    /** How many words the global option at {@code i} spans (1 or 2), or 0 when it is not one. */
    private static int width(String[] args, int i) {
        String a = args[i];
        int eq = a.indexOf('=');
        String name = eq > 0 ? a.substring(0, eq) : a;
        Integer arity = ARITY.get(name);
        if (arity == null) {
            // -nshop, -ojson: a short option with its value attached
            if (a.length() > 2 && !a.startsWith("--") && ARITY.getOrDefault(a.substring(0, 2), 0) == 1) {
                return 1;
            }
            return 0;
        }
        if (arity == 0 || eq > 0) {
            return 1;
        }
        return i + 1 < args.length ? 2 : 0;
    }
}
