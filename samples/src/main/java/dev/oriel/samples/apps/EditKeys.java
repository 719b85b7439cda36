package dev.oriel.samples.apps;

import dev.oriel.rdp.core.api.InputEvent;
import java.util.Optional;

/** Tracks the Ctrl keys and recognises the editing shortcuts Ctrl+A, Ctrl+C, Ctrl+X and Ctrl+V (scancode set 1). */
final class EditKeys {
    enum Command { SELECT_ALL, COPY, CUT, PASTE }

    static final int SC_CTRL = 0x1D;
    private boolean leftCtrl;
    private boolean rightCtrl;

    /** Feeds one event; a Ctrl+letter press gives its command. */
    Optional<Command> accept(InputEvent event) {
        if (!(event instanceof InputEvent.KeyScancode k)) {
            return Optional.empty();
        }
        if (k.scancode() == SC_CTRL) {
            if (k.extended()) {
                rightCtrl = k.pressed();
            } else {
                leftCtrl = k.pressed();
            }
            return Optional.empty();
        }
        if (!ctrlDown() || !k.pressed() || k.extended()) {
            return Optional.empty();
        }
        return switch (k.scancode()) {
            case 0x1E -> Optional.of(Command.SELECT_ALL);
            case 0x2E -> Optional.of(Command.COPY);
            case 0x2D -> Optional.of(Command.CUT);
            case 0x2F -> Optional.of(Command.PASTE);
            default -> Optional.empty();
        };
    }

    /** Whether a Ctrl key is held: other keys then type nothing. */
    boolean ctrlDown() {
        return leftCtrl || rightCtrl;
    }
}
