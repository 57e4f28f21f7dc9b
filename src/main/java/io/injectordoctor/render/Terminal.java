package io.injectordoctor.render;

import java.io.Console;
import java.lang.reflect.Method;
import java.nio.charset.Charset;
import java.util.Locale;

/** What standard output is: an interactive terminal or not, and in which encoding. */
public final class Terminal {
    private Terminal() {
    }

    /**
     * From Java 22 on, System.console() exists even when output is piped; Console.isTerminal()
     * tells the truth there. It is looked up reflectively so that the tool still runs on Java 17.
     */
    public static boolean interactive() {
        Console c = System.console();
        if (c == null) {
            return false;
        }
        try {
            Method m = Console.class.getMethod("isTerminal");
            return (Boolean) m.invoke(c);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }

    /**
     * Whether System.out encodes in UTF-8: Java 19 and later name its encoding in stdout.encoding (taken
     * from the locale, LANG=C giving US-ASCII); Java 17 encodes with the default charset, which the
     * locale sets the same way.
     */
    public static boolean utf8Output() {
        String enc = System.getProperty("stdout.encoding");
        if (enc == null) {
            enc = System.getProperty("sun.stdout.encoding");
        }
        if (enc == null) {
            enc = Charset.defaultCharset().name();
        }
        String e = enc.toUpperCase(Locale.ROOT).replace("-", "").replace("_", "");
        return e.equals("UTF8");
    }
}
