package dev.oriel.rdp.testkit.x11;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Decoding of xprop's quoted strings, without a display; {@link X11ToolsTest} covers live windows. */
class XpropStringTest {

    @Test
    void decodesOctalEscapesAsUtf8() {
        // As printed by xprop in the C locale for a _NET_WM_NAME of 'héllo "q" ✓ \x'.
        String printed = "\"h\\303\\251llo \\\"q\\\" \\342\\234\\223 \\\\x\"";

        assertThat(X11Tools.decodeXpropString(printed)).isEqualTo("héllo \"q\" ✓ \\x");
    }

    @Test
    void takesTheFirstStringOfAList() {
        assertThat(X11Tools.decodeXpropString("\"xlogo\", \"XLogo\"")).isEqualTo("xlogo");
    }

    @Test
    void leavesUnquotedValuesAlone() {
        assertThat(X11Tools.decodeXpropString("no quotes")).isEqualTo("no quotes");
        assertThat(X11Tools.decodeXpropString("\"\"")).isEmpty();
    }
}
