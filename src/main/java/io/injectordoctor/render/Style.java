package io.injectordoctor.render;

import org.fusesource.jansi.Ansi;

/**
 * Terminal styling. Colour is used only when asked for: the CLI decides (a terminal, no
 * --no-color, no NO_COLOR), so that piped output and golden files stay plain.
 */
public final class Style {
    public static final String OK = "\u221a";
    public static final String WARN = "\u203c";
    public static final String FAIL = "\u00d7";
    public static final String SKIP = "-";

    private final boolean color;

    public Style(boolean color) {
        this.color = color;
    }

    public static Style plain() {
        return new Style(false);
    }

    /** Colour only on an interactive terminal, and never with --no-color or NO_COLOR set. */
    public static Style detect(boolean noColorFlag) {
        String noColor = System.getenv("NO_COLOR");
        boolean tty = Terminal.interactive();
        return new Style(tty && !noColorFlag && (noColor == null || noColor.isEmpty()));
    }

    public boolean color() {
        return color;
    }

    public String ok(String s) {
        return paint(s, Ansi.Color.GREEN, false);
    }

    public String warn(String s) {
        return paint(s, Ansi.Color.YELLOW, false);
    }

    public String fail(String s) {
        return paint(s, Ansi.Color.RED, false);
    }

    public String bold(String s) {
        return color ? Ansi.ansi().bold().a(s).boldOff().toString() : s;
    }

    public String dim(String s) {
        return color ? Ansi.ansi().fgBrightBlack().a(s).reset().toString() : s;
    }

    private String paint(String s, Ansi.Color c, boolean bright) {
        if (!color) {
            return s;
        }
        Ansi a = Ansi.ansi();
        return (bright ? a.fgBright(c) : a.fg(c)).a(s).reset().toString();
    }
}
