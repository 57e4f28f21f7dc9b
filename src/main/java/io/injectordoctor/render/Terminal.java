package io.injectordoctor.render;

import java.nio.charset.Charset;

/** What standard output is: an interactive terminal or not, and in which encoding. */
public final class Terminal {
    private Terminal() {
    }

    public static boolean interactive() {
        return io.injectordoctor.Consoles.interactive();
    }

    /**
     * Whether System.out encodes in UTF-8: Java 19 and later name its encoding in stdout.encoding (taken
     * from the locale, LANG=C giving US-ASCII); Java 17 encodes with the default charset, which the
     * locale sets the same way.
     */
    public static boolean utf8Output() {
        return outputCharset().equals(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The encoding System.out writes in (see {@link #utf8Output()}); the command's writers use it too. */
    public static Charset outputCharset() {
        String enc = System.getProperty("stdout.encoding");
        if (enc == null) {
            enc = System.getProperty("sun.stdout.encoding");
        }
        try {
            return enc == null ? Charset.defaultCharset() : Charset.forName(enc);
        } catch (IllegalArgumentException unknown) {
            return Charset.defaultCharset();
        }
    }
}
