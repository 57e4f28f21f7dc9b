package io.injectordoctor.render;

import java.security.SecureRandom;
import org.fusesource.jansi.Ansi;

/**
 * Terminal styling. Colour is used only when asked for: the CLI decides (a terminal, no
 * --no-color, no NO_COLOR), so that piped output and golden files stay plain. The status symbols
 * are Unicode on a UTF-8 terminal and ASCII ({@code [ok] [warn] [FAIL]}) on any other, for a
 * terminal that cannot show them would print question marks.
 *
 * <p>The renderers of this package paint with a {@linkplain #marked() marked} copy: instead of
 * escape sequences it writes marks carrying a key drawn for the run, which {@link SafeText#writer}
 * turns into colour after it has escaped everything else. So colour is the one thing that reaches
 * the terminal unescaped, and text from the cluster cannot forge it.
 */
public final class Style {
    public static final String OK = "\u221a";
    public static final String WARN = "\u203c";
    public static final String FAIL = "\u00d7";
    public static final String SKIP = "-";

    static final char MARK = '\ufdd0';
    private static final int KEY_LENGTH = 12;
    /** The mark, the key, and the code of the sequence. */
    static final int MARK_LENGTH = 1 + KEY_LENGTH + 1;
    private static final char CODE_BASE = '\ufde0';
    /** The SGR sequences a mark can stand for, by code. */
    private static final String[] SGR = {
        "\u001b[m", "\u001b[1m", "\u001b[22m", "\u001b[32m", "\u001b[33m", "\u001b[31m", "\u001b[90m"};
    private static final int RESET = 0;
    private static final int BOLD = 1;
    private static final int BOLD_OFF = 2;
    private static final int GREEN = 3;
    private static final int YELLOW = 4;
    private static final int RED = 5;
    private static final int GREY = 6;

    private final boolean color;
    private final boolean ascii;
    /** null: paint with escape sequences (for writers outside this package). */
    private final String key;

    public Style(boolean color) {
        this(color, false, null);
    }

    public Style(boolean color, boolean ascii) {
        this(color, ascii, null);
    }

    private Style(boolean color, boolean ascii, String key) {
        this.color = color;
        this.ascii = ascii;
        this.key = key;
    }

    public static Style plain() {
        return new Style(false);
    }

    /**
     * Colour only on an interactive terminal, and never with --no-color or NO_COLOR set; ASCII
     * symbols unless standard output is encoded in UTF-8.
     */
    public static Style detect(boolean noColorFlag) {
        String noColor = System.getenv("NO_COLOR");
        boolean tty = Terminal.interactive();
        return new Style(tty && !noColorFlag && (noColor == null || noColor.isEmpty()), !Terminal.utf8Output());
    }

    /** The same style painting with marks that only {@link SafeText#writer} turns into colour. */
    Style marked() {
        if (key != null) {
            return this;
        }
        SecureRandom random = new SecureRandom();
        char[] k = new char[KEY_LENGTH];
        for (int i = 0; i < k.length; i++) {
            k[i] = (char) (CODE_BASE + random.nextInt(16));
        }
        return new Style(color, ascii, new String(k));
    }

    public boolean color() {
        return color;
    }

    public boolean ascii() {
        return ascii;
    }

    public String okMark() {
        return ok(OK);
    }

    public String warnMark() {
        return warn(WARN);
    }

    public String failMark() {
        return fail(FAIL);
    }

    public String ok(String s) {
        return paint(symbol(s), GREEN);
    }

    public String warn(String s) {
        return paint(symbol(s), YELLOW);
    }

    public String fail(String s) {
        return paint(symbol(s), RED);
    }

    public String bold(String s) {
        if (!color) {
            return s;
        }
        return key != null ? mark(BOLD) + s + mark(BOLD_OFF) : Ansi.ansi().bold().a(s).boldOff().toString();
    }

    public String dim(String s) {
        s = symbol(s);
        if (!color) {
            return s;
        }
        return key != null ? mark(GREY) + s + mark(RESET) : Ansi.ansi().fgBrightBlack().a(s).reset().toString();
    }

    /** A status symbol as this terminal can show it; any other text unchanged. */
    public String symbol(String s) {
        if (!ascii) {
            return s;
        }
        return switch (s) {
            case OK -> "[ok]";
            case WARN -> "[warn]";
            case FAIL -> "[FAIL]";
            default -> s;
        };
    }

    /** The SGR sequence of the mark at {@code at}, or null when it is not one of this style's marks. */
    String sgrOf(String text, int at) {
        if (key == null || !text.startsWith(key, at + 1)) {
            return null;
        }
        int code = text.charAt(at + 1 + KEY_LENGTH) - CODE_BASE;
        if (code < 0 || code >= SGR.length) {
            return null;
        }
        return color ? SGR[code] : "";
    }

    private String mark(int code) {
        return MARK + key + (char) (CODE_BASE + code);
    }

    private String paint(String s, int code) {
        if (!color) {
            return s;
        }
        if (key != null) {
            return mark(code) + s + mark(RESET);
        }
        Ansi.Color c = switch (code) {
            case GREEN -> Ansi.Color.GREEN;
            case YELLOW -> Ansi.Color.YELLOW;
            default -> Ansi.Color.RED;
        };
        return Ansi.ansi().fg(c).a(s).reset().toString();
    }
}
