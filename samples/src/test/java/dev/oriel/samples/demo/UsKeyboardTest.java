package dev.oriel.samples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oriel.rdp.core.api.InputEvent;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class UsKeyboardTest {
    private final UsKeyboard kb = new UsKeyboard();

    private String type(InputEvent... events) {
        StringBuilder sb = new StringBuilder();
        for (InputEvent e : events) {
            OptionalInt c = kb.accept(e);
            c.ifPresent(ch -> sb.append((char) ch));
        }
        return sb.toString();
    }

    private static InputEvent down(int sc) {
        return new InputEvent.KeyScancode(sc, false, false, true);
    }

    private static InputEvent up(int sc) {
        return new InputEvent.KeyScancode(sc, false, false, false);
    }

    @Test
    void lettersDigitsAndShift() {
        // h e l l o, space, Shift+1
        assertThat(type(down(0x23), up(0x23), down(0x12), up(0x12), down(0x26), up(0x26), down(0x26), up(0x26),
                down(0x18), up(0x18), down(0x39), up(0x39), down(0x2A), down(0x02), up(0x02), up(0x2A), down(0x02)))
                .isEqualTo("hello !1");
    }

    @Test
    void capsLockAffectsLettersOnly() {
        assertThat(type(down(0x3A), up(0x3A), down(0x1E), down(0x02))).isEqualTo("A1");
        assertThat(type(new InputEvent.SyncLocks(false, false, false, false), down(0x1E))).isEqualTo("a");
    }

    @Test
    void controlKeysAndUnicode() {
        assertThat(type(down(0x0E), down(0x1C), new InputEvent.KeyScancode(0x1C, true, false, true),
                new InputEvent.KeyUnicode('é', true), new InputEvent.KeyUnicode('é', false)))
                .isEqualTo("\b\n\né");
        // Extended keys such as arrows type nothing.
        assertThat(type(new InputEvent.KeyScancode(0x48, true, false, true))).isEmpty();
    }
}
