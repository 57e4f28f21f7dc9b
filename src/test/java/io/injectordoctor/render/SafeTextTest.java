package io.injectordoctor.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class SafeTextTest {
    static final String HOSTILE = "a\u001b[2Jb\rc\u0007d\u0000e\u202ef\u009bg\u200bh";

    static String through(Style style, String text) {
        StringWriter s = new StringWriter();
        PrintWriter w = SafeText.writer(new PrintWriter(s), style);
        w.print(text);
        w.flush();
        return s.toString();
    }

    /** No control, bidi or invisible format character is left, newlines and tabs aside. */
    static void assertSafe(String out) {
        for (char c : out.toCharArray()) {
            assertThat(SafeText.unsafe(c)).as("U+%04X in %s", (int) c, out).isFalse();
        }
    }

    @Test
    void controlAndBidiCharactersAreEscaped() {
        String out = through(Style.plain(), HOSTILE + "\nnext\tline");

        assertThat(out).isEqualTo("a\\x1b[2Jb\\rc\\x07d\\x00e\\u202ef\\x9bg\\u200bh\nnext\tline");
        assertSafe(out);
    }

    @Test
    void aValueForOneLineHasItsNewlinesEscapedToo() {
        assertThat(SafeText.line("uid\n400 forged line\r\u001b[1m")).isEqualTo("uid\\n400 forged line\\r\\x1b[1m");
        assertThat(SafeText.line("plain")).isEqualTo("plain");
    }

    @Test
    void theStylesColourReachesTheTerminalAndNothingElseDoes() {
        Style style = new Style(true).marked();
        String out = through(style, style.fail("FAIL") + " " + HOSTILE);

        assertThat(out).startsWith("\u001b[31mFAIL\u001b[m a\\x1b[2Jb");
        assertThat(out.replace("\u001b[31m", "").replace("\u001b[m", "")).doesNotContain("\u001b");
    }

    @Test
    void aMarkFromTheClusterCannotForgeColour() {
        Style style = new Style(true).marked();
        Style other = new Style(true).marked();
        // a mark with another key, as text from the cluster could hold at best
        String out = through(style, other.fail("x") + "\ufdd0");

        assertThat(out).doesNotContain("\u001b").startsWith("\\ufdd0");
        assertSafe(out);
    }

    @Test
    void withoutColourTheMarksVanish() {
        Style style = new Style(false).marked();
        assertThat(through(style, style.bold("title") + " " + style.dim("x"))).isEqualTo("title x");
    }

    @Test
    void aMarkSplitAcrossWritesIsStillRecognised() {
        Style style = new Style(true).marked();
        String painted = style.ok("ok");
        StringWriter s = new StringWriter();
        PrintWriter w = SafeText.writer(new PrintWriter(s), style);
        w.print(painted.substring(0, 5));
        w.print(painted.substring(5));
        w.flush();
        assertThat(s.toString()).isEqualTo("\u001b[32mok\u001b[m");
    }

    @Test
    void statusSymbolsFallBackToAsciiOffUtf8() {
        Style ascii = new Style(false, true);
        assertThat(ascii.ok(Style.OK) + ascii.warn(Style.WARN) + ascii.fail(Style.FAIL)).isEqualTo("[ok][warn][FAIL]");
        assertThat(ascii.dim(Style.FAIL)).isEqualTo("[FAIL]");
        Style utf8 = new Style(false, false);
        assertThat(utf8.ok(Style.OK)).isEqualTo("\u221a");
    }
}
