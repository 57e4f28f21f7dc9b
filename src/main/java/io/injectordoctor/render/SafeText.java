package io.injectordoctor.render;

import java.io.PrintWriter;
import java.io.Writer;

/**
 * Terminal safety: text from the cluster (labels, annotations, event messages, the API server's
 * denials) or from a client reaches the terminal only with its control characters escaped, so it can
 * neither move the cursor, rewrite a line, ring the bell, hide text nor turn it around. Every text
 * renderer writes through {@link #writer}; a single value for a log line goes through {@link #line}.
 *
 * <p>Escaped: C0 controls but newline and tab ({@code \x1b}), DEL and the C1 controls (U+0080 to
 * U+009F, among them the one-character CSI), the bidirectional and invisible format characters
 * (U+061C, U+200B to U+200F, U+202A to U+202E, U+2060 to U+2069, U+FEFF) and the noncharacters
 * U+FDD0 to U+FDEF that {@link Style} uses for its colour marks: {@code \u202e}.
 */
public final class SafeText {
    private SafeText() {
    }

    /** A writer onto {@code out} that escapes what needs it and turns {@code style}'s marks into colour. */
    public static PrintWriter writer(PrintWriter out, Style style) {
        return new PrintWriter(new EscapingWriter(out, style), false);
    }

    /** One value on one line: newlines and tabs are escaped too, so a value can never start a line of its own. */
    public static String line(String s) {
        if (s == null) {
            return null;
        }
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (unsafe(c) || c == '\n' || c == '\t') {
                if (b == null) {
                    b = new StringBuilder(s.length() + 8).append(s, 0, i);
                }
                escape(b, c);
            } else if (b != null) {
                b.append(c);
            }
        }
        return b == null ? s : b.toString();
    }

    static boolean unsafe(char c) {
        return (c < 0x20 && c != '\n' && c != '\t') || (c >= 0x7f && c <= 0x9f) || c == 0x061c
                || (c >= 0x200b && c <= 0x200f) || (c >= 0x202a && c <= 0x202e) || (c >= 0x2060 && c <= 0x2069)
                || c == 0xfeff || (c >= 0xfdd0 && c <= 0xfdef);
    }

    static void escape(StringBuilder b, char c) {
        switch (c) {
            case '\n' -> b.append("\\n");
            case '\r' -> b.append("\\r");
            case '\t' -> b.append("\\t");
            default -> {
                if (c < 0x100) {
                    b.append("\\x").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 0xf, 16));
                } else {
                    b.append(String.format("\\u%04x", (int) c));
                }
            }
        }
    }

    /**
     * Escapes as it writes; a colour mark of {@code style} (with its per-run key, which text from the
     * cluster cannot know) becomes the SGR sequence it stands for, or nothing without colour.
     */
    private static final class EscapingWriter extends Writer {
        private final PrintWriter out;
        private final Style style;
        private final StringBuilder pending = new StringBuilder();

        EscapingWriter(PrintWriter out, Style style) {
            this.out = out;
            this.style = style;
        }

        @Override
        public void write(char[] cbuf, int off, int len) {
            StringBuilder b = new StringBuilder(len + 16);
            String text;
            if (pending.length() > 0) {
                text = pending.append(cbuf, off, len).toString();
                pending.setLength(0);
            } else {
                text = new String(cbuf, off, len);
            }
            int i = 0;
            while (i < text.length()) {
                char c = text.charAt(i);
                if (c == Style.MARK) {
                    if (text.length() - i < Style.MARK_LENGTH) {
                        // a mark cut by the caller's write: wait for the rest
                        pending.append(text, i, text.length());
                        break;
                    }
                    String sgr = style.sgrOf(text, i);
                    if (sgr != null) {
                        b.append(sgr);
                        i += Style.MARK_LENGTH;
                        continue;
                    }
                }
                if (unsafe(c)) {
                    escape(b, c);
                } else {
                    b.append(c);
                }
                i++;
            }
            out.write(b.toString());
        }

        @Override
        public void flush() {
            if (pending.length() > 0) {
                String rest = pending.toString();
                pending.setLength(0);
                StringBuilder b = new StringBuilder();
                rest.chars().forEach(c -> {
                    if (unsafe((char) c)) {
                        escape(b, (char) c);
                    } else {
                        b.append((char) c);
                    }
                });
                out.write(b.toString());
            }
            out.flush();
        }

        @Override
        public void close() {
            flush();
        }
    }
}
