package dev.oriel.rdp.core.pdu.fastpath;

import dev.oriel.rdp.core.error.DecodeException;
import dev.oriel.rdp.core.wire.Encodable;
import dev.oriel.rdp.core.wire.Wire;
import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;

/**
 * [MS-RDPBCGR] 2.2.9.1.2 Server Fast-Path Update PDU (TS_FP_UPDATE_PDU), one whole frame: fpOutputHeader (action 0,
 * flags in bits 6–7), length, then one or more updates. Encrypted output is refused (TLS only).
 */
public record FastPathOutputPdu(List<FastPathUpdate> updates) implements Encodable {
    public static final String NAME = "FastPathOutputPdu";

    public FastPathOutputPdu {
        updates = List.copyOf(updates);
    }

    /** Decodes a buffer that holds exactly one fast-path output frame. */
    public static FastPathOutputPdu decode(ByteBuf src) {
        int start = src.readerIndex();
        Wire.ensureReadable(src, 1, NAME);
        int header = src.readUnsignedByte();
        if ((header & 0x03) != 0) {
            throw DecodeException.invalidField(NAME, "action", "not fast-path: " + (header & 0x03));
        }
        if ((header >> 6) != 0) {
            throw DecodeException.unsupportedValue(NAME, "flags", "encrypted or checksummed output");
        }
        int body = FastPathHeader.readLength(src, start, NAME);
        ByteBuf updates = src.readSlice(body);
        List<FastPathUpdate> list = new ArrayList<>();
        while (updates.isReadable()) {
            list.add(FastPathUpdate.decode(updates));
        }
        return new FastPathOutputPdu(list);
    }

    private int bodySize() {
        return updates.stream().mapToInt(FastPathUpdate::size).sum();
    }

    @Override
    public void encode(ByteBuf dst) {
        dst.writeByte(0);
        FastPathHeader.writeLength(dst, size());
        updates.forEach(u -> u.encode(dst));
    }

    @Override
    public int size() {
        return FastPathHeader.totalLength(1 + bodySize());
    }

    @Override
    public String name() {
        return NAME;
    }
}
