package io.injectordoctor;

import java.io.Console;

/** Whether the process talks to a person at a terminal: the one answer every layer uses. */
public final class Consoles {
    private Consoles() {
    }

    /**
     * The console when standard input and output are a terminal, else null. From Java 22 on,
     * System.console() exists even when output is piped and Console.isTerminal() tells the truth;
     * it is looked up reflectively so that the tool still runs on Java 17, where a console means a
     * terminal.
     */
    public static Console terminal() {
        return terminal(System.console());
    }

    static Console terminal(Console c) {
        if (c == null) {
            return null;
        }
        try {
            return Boolean.TRUE.equals(Console.class.getMethod("isTerminal").invoke(c)) ? c : null;
        } catch (NoSuchMethodException e) {
            return c;
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }

    public static boolean interactive() {
        return terminal() != null;
    }
}
