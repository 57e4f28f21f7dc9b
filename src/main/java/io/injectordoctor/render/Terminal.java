package io.injectordoctor.render;

import java.io.Console;
import java.lang.reflect.Method;

/** Whether standard output is an interactive terminal. */
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
}
