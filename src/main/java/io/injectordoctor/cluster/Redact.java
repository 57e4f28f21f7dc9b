package io.injectordoctor.cluster;

import java.util.regex.Pattern;

/** Masks what must never be shown: the password of a URL ("https://user:secret@host" becomes "https://user:***@host"). */
public final class Redact {
    private static final Pattern URL_PASSWORD = Pattern.compile("(\\b[a-zA-Z][a-zA-Z0-9+.-]*://[^/@:\\s]*):[^/@\\s]*@");

    private Redact() {
    }

    /** The text with the password of every URL in it replaced by ***. */
    public static String urls(String text) {
        return text == null ? null : URL_PASSWORD.matcher(text).replaceAll("$1:***@");
    }
}
