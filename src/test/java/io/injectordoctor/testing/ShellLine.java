package io.injectordoctor.testing;

import java.util.ArrayList;
import java.util.List;

/**
 * A command line read back as a POSIX shell reads it: words after quote removal (single quotes,
 * double quotes with their backslash escapes, backslash outside quotes), and the unquoted operators
 * the tool may print ({@code > FILE}, {@code |}). Anything else a shell would treat specially
 * ({@code <}, {@code ;}, {@code &}, {@code $(}, a backquote, an unbalanced quote) is an error: a
 * printed command holds none of them.
 *
 * @param words    the command's words, up to the first operator
 * @param stdoutTo the file after an unquoted {@code >}, or null
 * @param piped    whether an unquoted {@code |} follows the command
 */
public record ShellLine(List<String> words, String stdoutTo, boolean piped) {
    public static ShellLine parse(String line) {
        List<List<String>> segments = new ArrayList<>();
        List<String> words = new ArrayList<>();
        List<String> operators = new ArrayList<>();
        StringBuilder w = null;
        int i = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == ' ' || c == '\t') {
                w = flush(w, words);
                i++;
            } else if (c == '\'') {
                int end = line.indexOf('\'', i + 1);
                if (end < 0) {
                    throw new IllegalArgumentException("unbalanced single quote: " + line);
                }
                w = (w == null ? new StringBuilder() : w).append(line, i + 1, end);
                i = end + 1;
            } else if (c == '"') {
                w = w == null ? new StringBuilder() : w;
                i++;
                while (i < line.length() && line.charAt(i) != '"') {
                    char d = line.charAt(i);
                    if (d == '$' || d == '`') {
                        throw new IllegalArgumentException("expansion inside double quotes: " + line);
                    }
                    if (d == '\\' && i + 1 < line.length() && "\"\\$`".indexOf(line.charAt(i + 1)) >= 0) {
                        i++;
                    }
                    w.append(line.charAt(i));
                    i++;
                }
                if (i >= line.length()) {
                    throw new IllegalArgumentException("unbalanced double quote: " + line);
                }
                i++;
            } else if (c == '\\') {
                if (i + 1 >= line.length()) {
                    throw new IllegalArgumentException("a trailing backslash: " + line);
                }
                w = (w == null ? new StringBuilder() : w).append(line.charAt(i + 1));
                i += 2;
            } else if (c == '>' || c == '|') {
                w = flush(w, words);
                operators.add(String.valueOf(c));
                segments.add(words);
                words = new ArrayList<>();
                i++;
            } else if ("<;&`$(){}*?[".indexOf(c) >= 0 || (c == '#' && w == null)) {
                throw new IllegalArgumentException("'" + c + "' is special to the shell: " + line);
            } else {
                w = (w == null ? new StringBuilder() : w).append(c);
                i++;
            }
        }
        flush(w, words);
        segments.add(words);
        String stdoutTo = null;
        boolean piped = false;
        for (int k = 0; k < operators.size(); k++) {
            if (operators.get(k).equals(">")) {
                if (segments.get(k + 1).size() != 1 || k + 1 != operators.size()) {
                    throw new IllegalArgumentException("'>' must be followed by one file, at the end: " + line);
                }
                stdoutTo = segments.get(k + 1).get(0);
            } else {
                piped = true;
            }
        }
        return new ShellLine(List.copyOf(segments.get(0)), stdoutTo, piped);
    }

    private static StringBuilder flush(StringBuilder w, List<String> words) {
        if (w != null) {
            words.add(w.toString());
        }
        return null;
    }
}
