package dev.oriel.rdp.core.graphics.rfx;

import java.util.Optional;

/**
 * The RemoteFX entropy coder ([MS-RDPRFX] 2.2.2.1.6 TS_RFX_CONTEXT {@code et} field, 3.1.8.1.7): RLGR1 codes one
 * coefficient per Golomb-Rice symbol, RLGR3 codes a pair.
 */
public enum RlgrMode {
    /** CLW_ENTROPY_RLGR1. */
    RLGR1(0x01),
    /** CLW_ENTROPY_RLGR3. */
    RLGR3(0x04);

    private final int code;

    RlgrMode(int code) {
        this.code = code;
    }

    /** The 4-bit {@code et} value on the wire. */
    public int code() {
        return code;
    }

    public static Optional<RlgrMode> fromCode(int code) {
        for (RlgrMode m : values()) {
            if (m.code == code) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }
}
