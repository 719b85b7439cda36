package dev.oriel.rdp.core.pdu.fastpath;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.util.function.Consumer;

/**
 * Writes one update as one or more complete fast-path output PDUs ([MS-RDPBCGR] 2.2.9.1.2, 3.3.5.9.1.1): SINGLE when
 * it fits one PDU, else FIRST, NEXT…, LAST. Each PDU carries at most {@link #MAX_FRAGMENT_DATA} update bytes so the
 * whole PDU stays below 0x3FFF, as FreeRDP keeps it (P-CORE-6); the reassembled update must not exceed the client's
 * Multifragment MaxRequestSize.
 */
public final class FastPathFragmenter {
    /** FreeRDP's FASTPATH_FRAGMENT_SAFE_SIZE: update data per PDU. */
    public static final int MAX_FRAGMENT_DATA = 0x3F80;
    /** fpOutputHeader (1) + length (2) + updateHeader (1) + size (2). */
    public static final int PDU_OVERHEAD = 6;

    private FastPathFragmenter() {
    }

    /**
     * Splits {@code payload} (readable bytes, not released here) into PDUs handed to {@code out}, which owns them.
     *
     * @param maxRequestSize the client's Multifragment MaxRequestSize
     * @throws IllegalArgumentException when the payload exceeds {@code maxRequestSize}: the caller must split the
     *                                  update itself
     */
    public static void write(int updateCode, ByteBuf payload, int maxRequestSize, ByteBufAllocator alloc,
            Consumer<ByteBuf> out) {
        int total = payload.readableBytes();
        if (total > maxRequestSize && total > MAX_FRAGMENT_DATA) {
            throw new IllegalArgumentException("update of " + total + " bytes exceeds the client's MaxRequestSize "
                    + maxRequestSize);
        }
        int offset = payload.readerIndex();
        int end = offset + total;
        boolean first = true;
        do {
            int n = Math.min(MAX_FRAGMENT_DATA, end - offset);
            boolean last = offset + n == end;
            int fragmentation = first && last ? FastPathUpdate.FASTPATH_FRAGMENT_SINGLE
                    : first ? FastPathUpdate.FASTPATH_FRAGMENT_FIRST
                    : last ? FastPathUpdate.FASTPATH_FRAGMENT_LAST : FastPathUpdate.FASTPATH_FRAGMENT_NEXT;
            int pduLength = FastPathHeader.totalLength(1 + 1 + 2 + n);
            ByteBuf pdu = alloc.buffer(pduLength);
            pdu.writeByte(0); // fpOutputHeader: action FASTPATH_OUTPUT_ACTION_FASTPATH, no flags
            FastPathHeader.writeLength(pdu, pduLength);
            pdu.writeByte(updateCode | fragmentation << 4);
            pdu.writeShortLE(n);
            pdu.writeBytes(payload, offset, n);
            out.accept(pdu);
            offset += n;
            first = false;
        } while (offset < end);
    }
}
