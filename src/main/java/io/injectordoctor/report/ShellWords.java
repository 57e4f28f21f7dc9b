package io.injectordoctor.report;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Words as a POSIX shell reads them back: a word of only safe characters stays as it is, any other
 * is put in single quotes (a single quote inside becomes {@code '\''}). The one quoting rule of every
 * command the tool prints.
 */
public final class ShellWords {
    private ShellWords() {
    }

    /** The word quoted when the shell would otherwise split, expand or glob it. */
    public static String quote(String word) {
        // '#' starts a comment only at the start of a word
        if (!word.isEmpty() && word.chars().allMatch(c -> safe(c) || c == '#') && word.charAt(0) != '#') {
            return word;
        }
        return "'" + word.replace("'", "'\\''") + "'";
    }

    /** The words as one command line. */
    public static String join(List<String> words) {
        return words.stream().map(ShellWords::quote).collect(Collectors.joining(" "));
    }

    // '=' and ':' are safe outside an assignment's first word, ',' '@' '%' '+' never special in POSIX sh.
    private static boolean safe(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || "-_./=:,@%+".indexOf(c) >= 0;
    }
}
