package io.injectordoctor.mutation;

import java.util.ArrayList;
import java.util.List;

/**
 * A unified diff of two texts, line by line (longest common subsequence), with three lines of
 * context. Manifests are small, so the quadratic table is fine.
 */
public final class UnifiedDiff {
    private static final int CONTEXT = 3;

    private UnifiedDiff() {
    }

    /** The diff, or "" when the texts are equal. */
    public static String diff(String before, String after, String labelBefore, String labelAfter) {
        String[] a = lines(before);
        String[] b = lines(after);
        List<Line> edits = edits(a, b);
        if (edits.stream().allMatch(l -> l.tag == ' ')) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        out.append("--- ").append(labelBefore).append('\n').append("+++ ").append(labelAfter).append('\n');
        int i = 0;
        while (i < edits.size()) {
            if (edits.get(i).tag == ' ') {
                i++;
                continue;
            }
            int start = Math.max(0, i - CONTEXT);
            int end = i;
            // extend the hunk while the next change is within twice the context
            int lastChange = i;
            while (end < edits.size()) {
                if (edits.get(end).tag != ' ') {
                    lastChange = end;
                } else if (end - lastChange > 2 * CONTEXT) {
                    break;
                }
                end++;
            }
            end = Math.min(edits.size(), lastChange + CONTEXT + 1);
            hunk(out, edits, start, end);
            i = end;
        }
        return out.toString();
    }

    private static void hunk(StringBuilder out, List<Line> edits, int start, int end) {
        int aStart = edits.get(start).aLine;
        int bStart = edits.get(start).bLine;
        int aCount = 0;
        int bCount = 0;
        for (int k = start; k < end; k++) {
            char t = edits.get(k).tag;
            aCount += t == '+' ? 0 : 1;
            bCount += t == '-' ? 0 : 1;
        }
        out.append("@@ -").append(range(aStart, aCount)).append(" +").append(range(bStart, bCount)).append(" @@\n");
        for (int k = start; k < end; k++) {
            out.append(edits.get(k).tag).append(edits.get(k).text).append('\n');
        }
    }

    private static String range(int firstLine, int count) {
        return (count == 0 ? firstLine - 1 : firstLine) + "," + count;
    }

    private record Line(char tag, String text, int aLine, int bLine) {
    }

    private static List<Line> edits(String[] a, String[] b) {
        int[][] lcs = new int[a.length + 1][b.length + 1];
        for (int i = a.length - 1; i >= 0; i--) {
            for (int j = b.length - 1; j >= 0; j--) {
                lcs[i][j] = a[i].equals(b[j]) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<Line> out = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.length || j < b.length) {
            if (i < a.length && j < b.length && a[i].equals(b[j])) {
                out.add(new Line(' ', a[i], i + 1, j + 1));
                i++;
                j++;
            } else if (j < b.length && (i == a.length || lcs[i][j + 1] >= lcs[i + 1][j])) {
                out.add(new Line('+', b[j], i + 1, j + 1));
                j++;
            } else {
                out.add(new Line('-', a[i], i + 1, j + 1));
                i++;
            }
        }
        return out;
    }

    private static String[] lines(String s) {
        if (s.isEmpty()) {
            return new String[0];
        }
        return (s.endsWith("\n") ? s.substring(0, s.length() - 1) : s).split("\n", -1);
    }
}
