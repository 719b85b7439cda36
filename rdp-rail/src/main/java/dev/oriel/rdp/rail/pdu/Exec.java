package dev.oriel.rdp.rail.pdu;

import dev.oriel.rdp.core.error.DecodeException;
import dev.oriel.rdp.core.wire.Wire;
import io.netty.buffer.ByteBuf;
import java.util.Objects;

/**
 * [MS-RDPERP] 2.2.2.3.1 TS_RAIL_ORDER_EXEC (client → server): the client asks to start a program. Body: flags (2),
 * exeOrFileLength (2), workingDirLength (2), argumentsLength (2), then the three UTF-16LE strings in that order.
 *
 * <p>What the client names here is only a request: the server looks it up among the applications the embedder
 * published and never runs it as a command line.
 */
public record Exec(int flags, String exeOrFile, String workingDir, String arguments) implements RailPdu {
    public static final String NAME = "Exec";
    public static final int TS_RAIL_EXEC_FLAG_EXPAND_WORKINGDIRECTORY = 0x0001;
    public static final int TS_RAIL_EXEC_FLAG_TRANSLATE_FILES = 0x0002;
    public static final int TS_RAIL_EXEC_FLAG_FILE = 0x0004;
    public static final int TS_RAIL_EXEC_FLAG_EXPAND_ARGUMENTS = 0x0008;
    public static final int TS_RAIL_EXEC_FLAG_APP_USER_MODEL_ID = 0x0010;
    /** Largest exeOrFile and workingDir, in bytes. */
    public static final int MAX_PATH_BYTES = 520;
    /** Largest arguments, in bytes. */
    public static final int MAX_ARGUMENTS_BYTES = 16_000;

    public Exec {
        Wire.requireUnsigned(flags, 0xFFFF, "flags");
        RailWire.requireFits(Objects.requireNonNull(exeOrFile), MAX_PATH_BYTES, NAME, "exeOrFile");
        RailWire.requireFits(Objects.requireNonNull(workingDir), MAX_PATH_BYTES, NAME, "workingDir");
        RailWire.requireFits(Objects.requireNonNull(arguments), MAX_ARGUMENTS_BYTES, NAME, "arguments");
    }

    static Exec decodeBody(ByteBuf src) {
        Wire.ensureReadable(src, 8, NAME);
        int flags = src.readUnsignedShortLE();
        int exeLength = src.readUnsignedShortLE();
        int dirLength = src.readUnsignedShortLE();
        int argLength = src.readUnsignedShortLE();
        // The spec requires a program (1..520 bytes); the other two may be empty.
        if (exeLength == 0) {
            throw DecodeException.invalidField(NAME, "exeOrFileLength", "empty program name");
        }
        Wire.checkLimit(exeLength, MAX_PATH_BYTES, NAME, "exeOrFileLength");
        Wire.checkLimit(dirLength, MAX_PATH_BYTES, NAME, "workingDirLength");
        Wire.checkLimit(argLength, MAX_ARGUMENTS_BYTES, NAME, "argumentsLength");
        return new Exec(flags, RailWire.read(src, exeLength, NAME, "exeOrFile"),
                RailWire.read(src, dirLength, NAME, "workingDir"), RailWire.read(src, argLength, NAME, "arguments"));
    }

    @Override
    public int orderType() {
        return TS_RAIL_ORDER_EXEC;
    }

    @Override
    public int bodySize() {
        return 8 + Wire.utf16Size(exeOrFile) + Wire.utf16Size(workingDir) + Wire.utf16Size(arguments);
    }

    @Override
    public void encodeBody(ByteBuf dst) {
        dst.writeShortLE(flags);
        dst.writeShortLE(Wire.utf16Size(exeOrFile));
        dst.writeShortLE(Wire.utf16Size(workingDir));
        dst.writeShortLE(Wire.utf16Size(arguments));
        Wire.writeUtf16(dst, exeOrFile);
        Wire.writeUtf16(dst, workingDir);
        Wire.writeUtf16(dst, arguments);
    }

    @Override
    public String name() {
        return NAME;
    }
}
