package dev.oriel.rdp.core.pdu.fastpath;

import dev.oriel.rdp.core.error.DecodeException;
import dev.oriel.rdp.core.wire.Encodable;
import dev.oriel.rdp.core.wire.Wire;
import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;

/**
 * [MS-RDPBCGR] 2.2.8.1.2 Client Fast-Path Input Event PDU (TS_FP_INPUT_PDU), as one whole frame: fpInputHeader
 * (action 0, numEvents in bits 2–5, flags in bits 6–7), length, [numEvents byte when more than 15], events.
 *
 * <p>Oriel runs under TLS without RDP encryption, so encrypted or checksummed input (flags ≠ 0) is refused.
 */
public record FastPathInputPdu(List<FastPathInputEvent> events) implements Encodable {
    public static final String NAME = "FastPathInputPdu";
    static final int FASTPATH_INPUT_SECURE_CHECKSUM = 0x1;
    static final int FASTPATH_INPUT_ENCRYPTED = 0x2;
    /** Every event takes at least its header byte; 255 is the most a numEvents byte can say. */
    public static final int MAX_EVENTS = 255;

    public FastPathInputPdu {
        events = List.copyOf(events);
        if (events.isEmpty() || events.size() > MAX_EVENTS) {
            throw new IllegalArgumentException("1..255 events");
        }
    }

    /** Decodes a buffer that holds exactly one fast-path input frame. */
    public static FastPathInputPdu decode(ByteBuf src) {
        int start = src.readerIndex();
        Wire.ensureReadable(src, 1, NAME);
        int header = src.readUnsignedByte();
        if ((header & 0x03) != 0) {
            throw DecodeException.invalidField(NAME, "action", "not fast-path: " + (header & 0x03));
        }
        int flags = header >> 6;
        if (flags != 0) {
            throw DecodeException.unsupportedValue(NAME, "flags",
                    (flags & FASTPATH_INPUT_ENCRYPTED) != 0 ? "FASTPATH_INPUT_ENCRYPTED" : "FASTPATH_INPUT_SECURE_CHECKSUM");
        }
        int body = FastPathHeader.readLength(src, start, NAME);
        ByteBuf events = src.readSlice(body);
        int n = (header >> 2) & 0x0F;
        if (n == 0) {
            Wire.ensureReadable(events, 1, NAME);
            n = events.readUnsignedByte();
            if (n == 0) {
                throw DecodeException.invalidField(NAME, "numEvents", "0");
            }
        }
        Wire.ensureReadable(events, n, NAME);
        List<FastPathInputEvent> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            list.add(FastPathInputEvent.decode(events));
        }
        Wire.ensureFullyConsumed(events, NAME);
        return new FastPathInputPdu(list);
    }

    private int bodySize() {
        int s = events.size() > 15 ? 1 : 0;
        for (FastPathInputEvent e : events) {
            s += e.size();
        }
        return s;
    }

    @Override
    public void encode(ByteBuf dst) {
        int n = events.size();
        dst.writeByte(n <= 15 ? n << 2 : 0);
        FastPathHeader.writeLength(dst, size());
        if (n > 15) {
            dst.writeByte(n);
        }
        events.forEach(e -> e.encode(dst));
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
