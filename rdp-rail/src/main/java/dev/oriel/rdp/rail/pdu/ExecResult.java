package dev.oriel.rdp.rail.pdu;

import dev.oriel.rdp.core.wire.Wire;
import io.netty.buffer.ByteBuf;
import java.util.Objects;

/**
 * [MS-RDPERP] 2.2.2.3.2 TS_RAIL_ORDER_EXEC_RESULT (server → client): the outcome of an {@link Exec}. Body: flags (2,
 * the Exec's flags), execResult (2), rawResult (4), padding (2), exeOrFile (TS_UNICODE_STRING, the Exec's program).
 * FreeRDP 2.x aborts the connection on any result but {@link #RAIL_EXEC_S_OK} (protocol map P-RAIL-3).
 */
public record ExecResult(int flags, int execResult, long rawResult, String exeOrFile) implements RailPdu {
    public static final String NAME = "ExecResult";
    public static final int RAIL_EXEC_S_OK = 0x0000;
    public static final int RAIL_EXEC_E_HOOK_NOT_LOADED = 0x0001;
    public static final int RAIL_EXEC_E_DECODE_FAILED = 0x0002;
    public static final int RAIL_EXEC_E_NOT_IN_ALLOWLIST = 0x0003;
    public static final int RAIL_EXEC_E_FILE_NOT_FOUND = 0x0005;
    public static final int RAIL_EXEC_E_FAIL = 0x0006;
    public static final int RAIL_EXEC_E_SESSION_LOCKED = 0x0007;

    public ExecResult {
        Wire.requireUnsigned(flags, 0xFFFF, "flags");
        Wire.requireUnsigned(execResult, 0xFFFF, "execResult");
        Wire.requireUnsigned(rawResult, 0xFFFF_FFFFL, "rawResult");
        RailWire.requireFits(Objects.requireNonNull(exeOrFile), Exec.MAX_PATH_BYTES, NAME, "exeOrFile");
    }

    static ExecResult decodeBody(ByteBuf src) {
        Wire.ensureReadable(src, 10, NAME);
        int flags = src.readUnsignedShortLE();
        int result = src.readUnsignedShortLE();
        long raw = src.readUnsignedIntLE();
        src.skipBytes(2); // padding
        return new ExecResult(flags, result, raw, RailWire.readUnicodeString(src, Exec.MAX_PATH_BYTES, NAME, "exeOrFile"));
    }

    @Override
    public int orderType() {
        return TS_RAIL_ORDER_EXEC_RESULT;
    }

    @Override
    public int bodySize() {
        return 10 + 2 + Wire.utf16Size(exeOrFile);
    }

    @Override
    public void encodeBody(ByteBuf dst) {
        dst.writeShortLE(flags);
        dst.writeShortLE(execResult);
        dst.writeIntLE((int) rawResult);
        dst.writeShortLE(0);
        RailWire.writeUnicodeString(dst, exeOrFile);
    }

    @Override
    public String name() {
        return NAME;
    }
}
