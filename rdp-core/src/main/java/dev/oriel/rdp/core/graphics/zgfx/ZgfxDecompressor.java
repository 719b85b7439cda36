package dev.oriel.rdp.core.graphics.zgfx;

import static dev.oriel.rdp.core.graphics.zgfx.ZgfxTokens.DECODE;
import static dev.oriel.rdp.core.graphics.zgfx.ZgfxTokens.DISTANCE_BASE;
import static dev.oriel.rdp.core.graphics.zgfx.ZgfxTokens.DISTANCE_VALUE_BITS;
import static dev.oriel.rdp.core.graphics.zgfx.ZgfxTokens.HISTORY_SIZE;
import static dev.oriel.rdp.core.graphics.zgfx.ZgfxTokens.KIND_LITERAL;
import static dev.oriel.rdp.core.graphics.zgfx.ZgfxTokens.KIND_MATCH;
import static dev.oriel.rdp.core.graphics.zgfx.ZgfxTokens.KIND_NULL_LITERAL;
import static dev.oriel.rdp.core.graphics.zgfx.ZgfxTokens.MAX_EXPANSION;
import static dev.oriel.rdp.core.graphics.zgfx.ZgfxTokens.MAX_PREFIX_BITS;
import static dev.oriel.rdp.core.graphics.zgfx.ZgfxTokens.MAX_SEGMENT;
import static dev.oriel.rdp.core.graphics.zgfx.ZgfxTokens.PACKET_COMPRESSED;
import static dev.oriel.rdp.core.graphics.zgfx.ZgfxTokens.PACKET_COMPR_TYPE_RDP8;
import static dev.oriel.rdp.core.graphics.zgfx.ZgfxTokens.UNENCODED_COUNT_BITS;

import dev.oriel.rdp.core.error.DecodeException;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

/**
 * Decoder of RDP 8.0 bulk compression ([MS-RDPEGFX] 3.1.9.1): turns one RDP8_BULK_ENCODED_DATA segment
 * ([MS-RDPEGFX] 2.2.5.3: header byte, then data) back into its bytes. This is the client's side of the graphics
 * channel; Oriel uses it in tests and in the client test kit.
 *
 * <p>Stateful: the 2,500,000-byte history is shared by every segment of one direction of one channel for the
 * channel's lifetime, so one instance decodes the whole stream, in order. Every output byte enters the history,
 * including the bytes of uncompressed segments and of unencoded runs ([MS-RDPEGFX] 3.1.9.1: "All output bytes MUST
 * be recorded in the history buffer").
 *
 * <p>Hostile input fails with {@link DecodeException} (structure {@value #NAME}, naming the field), never with
 * another exception: every read is bounded by the segment's bit count, a match may not reach before the first byte
 * ever written, and one segment never yields more than 65,535 bytes (or the caller's smaller limit), so a small input
 * cannot make it allocate without bound. After a failure the history no longer matches the sender's and every later
 * call fails too: the channel must be closed.
 *
 * <p>Not thread-safe. Allocation-free after construction except when a segment is larger than any before it.
 */
public final class ZgfxDecompressor {
    static final String NAME = "ZgfxSegment";

    private final byte[] history = new byte[HISTORY_SIZE];
    /** INVARIANT: 0 <= historyIndex < HISTORY_SIZE; the next output byte goes to {@code history[historyIndex]}. */
    private int historyIndex;
    /** Bytes ever written to the history; a match distance may not exceed it. */
    private long historyBytes;
    private final byte[] output = new byte[MAX_SEGMENT];
    /** The current segment's data, followed by 4 zero bytes so that peeking past the last byte reads zeros. */
    private byte[] input = new byte[1 << 12];
    private int bitPos;
    private int bitLimit;
    private boolean failed;

    /**
     * Decodes the readable bytes of {@code segment} (header byte and data; all consumed) and appends them to
     * {@code out}: at most 65,535 bytes, the most one segment may hold.
     *
     * @return the number of bytes appended
     */
    public int decompress(ByteBuf segment, ByteBuf out) {
        return decompress(segment, out, MAX_SEGMENT);
    }

    /**
     * Decodes the readable bytes of {@code segment} (header byte and data; all consumed) and appends them to
     * {@code out}.
     *
     * @param maxOutput the most bytes this segment may yield (capped at 65,535); more is a {@link DecodeException}
     * @return the number of bytes appended
     */
    public int decompress(ByteBuf segment, ByteBuf out, int maxOutput) {
        if (failed) {
            throw DecodeException.invalidField(NAME, "history", "out of step after an earlier failed segment");
        }
        failed = true; // Cleared on success: a failure part-way through has already changed the history.
        int limit = Math.min(Math.max(0, maxOutput), MAX_SEGMENT);
        int size = segment.readableBytes();
        if (size < 1) {
            throw DecodeException.notEnoughBytes(NAME, 0, 1);
        }
        int header = segment.readUnsignedByte();
        // The low nibble is the compression type; of the flags only PACKET_COMPRESSED means anything here.
        if ((header & 0x0F) != PACKET_COMPR_TYPE_RDP8) {
            throw DecodeException.invalidField(NAME, "header", "not RDP8 bulk data: 0x" + Integer.toHexString(header));
        }
        int n = size - 1;
        int produced;
        if ((header & PACKET_COMPRESSED) == 0) {
            // An uncompressed segment: the data are the bytes, and they still enter the history (3.1.9.1).
            if (n > limit) {
                throw DecodeException.limitExceeded(NAME, "data", n, limit);
            }
            segment.readBytes(output, 0, n);
            writeHistory(output, 0, n);
            produced = n;
        } else {
            if (n > MAX_SEGMENT + MAX_EXPANSION + 1) {
                throw DecodeException.limitExceeded(NAME, "data", n, MAX_SEGMENT + MAX_EXPANSION + 1);
            }
            if (n < 1) {
                throw DecodeException.invalidField(NAME, "data", "a compressed segment needs its padding byte");
            }
            if (input.length < n + 4) {
                input = new byte[Math.max(n + 4, 2 * input.length)];
            }
            segment.readBytes(input, 0, n);
            input[n] = input[n + 1] = input[n + 2] = input[n + 3] = 0;
            produced = decode(n, limit);
        }
        out.writeBytes(output, 0, produced);
        failed = false;
        return produced;
    }

    /** Decodes one segment and returns it in a new buffer (caller releases). */
    public ByteBuf decompress(ByteBuf segment, ByteBufAllocator alloc) {
        ByteBuf out = alloc.buffer(Math.min(MAX_SEGMENT, 4 * Math.max(1, segment.readableBytes())));
        try {
            decompress(segment, out);
            return out;
        } catch (RuntimeException e) {
            out.release();
            throw e;
        }
    }

    /** Bytes written to the history so far (all segments' output). */
    public long historyBytes() {
        return historyBytes;
    }

    private int decode(int n, int limit) {
        // The last data byte counts the unused bits at the end of the byte before it (3.1.9.1); a count above 7
        // cannot describe one byte's padding.
        int padding = input[n - 1] & 0xFF;
        if (padding > 7 || (padding > 0 && n == 1)) {
            throw DecodeException.invalidField(NAME, "paddingBits", padding + " unused bits");
        }
        bitPos = 0;
        bitLimit = 8 * (n - 1) - padding;
        int produced = 0;
        while (bitPos < bitLimit) {
            int entry = DECODE[peek(MAX_PREFIX_BITS)];
            int prefixBits = entry >>> 24;
            if (prefixBits == 0 || prefixBits > bitLimit - bitPos) {
                throw DecodeException.invalidField(NAME, "token", prefixBits == 0 ? "unassigned prefix code"
                        : "bit stream ends inside a prefix");
            }
            bitPos += prefixBits;
            int kind = (entry >>> 16) & 0xFF;
            if (kind == KIND_NULL_LITERAL || kind == KIND_LITERAL) {
                int value = kind == KIND_LITERAL ? entry & 0xFF : read(8, "literal");
                if (produced >= limit) {
                    throw DecodeException.limitExceeded(NAME, "literal", produced + 1L, limit);
                }
                output[produced++] = (byte) value;
                history[historyIndex] = (byte) value;
                if (++historyIndex == HISTORY_SIZE) {
                    historyIndex = 0;
                }
                historyBytes++;
            } else if (kind == KIND_MATCH) {
                int index = entry & 0xFFFF;
                int distance = DISTANCE_BASE[index] + read(DISTANCE_VALUE_BITS[index], "matchDistance");
                produced = distance == 0 ? unencoded(n, produced, limit) : match(distance, produced, limit);
            } else {
                throw new IllegalStateException("token kind " + kind); // The decode table holds no other kinds.
            }
        }
        return produced;
    }

    /** A match ([MS-RDPEGFX] 3.1.9.1): the length code, then a copy of earlier output that may overlap itself. */
    private int match(int distance, int produced, int limit) {
        if (distance > Math.min(historyBytes, HISTORY_SIZE)) {
            throw DecodeException.invalidField(NAME, "matchDistance", distance + " reaches before the "
                    + Math.min(historyBytes, HISTORY_SIZE) + " bytes of history");
        }
        int length;
        if (read(1, "matchLength") == 0) {
            length = 3;
        } else {
            // k-1 one bits after the first, a zero, then k value bits: length = 2^k + value, k >= 2.
            int k = 2;
            while (read(1, "matchLength") == 1) {
                if (++k > 15) { // 2^16 already exceeds any segment.
                    throw DecodeException.invalidField(NAME, "matchLength", "length code longer than 15 bits");
                }
            }
            length = (1 << k) + read(k, "matchLength");
        }
        if (length > limit - produced) {
            throw DecodeException.limitExceeded(NAME, "matchLength", (long) produced + length, limit);
        }
        int src = historyIndex - distance;
        if (src < 0) {
            src += HISTORY_SIZE;
        }
        int dst = historyIndex;
        if (distance >= length && src + length <= HISTORY_SIZE && dst + length <= HISTORY_SIZE) {
            // No overlap and no wrap: copy in bulk.
            System.arraycopy(history, src, output, produced, length);
            System.arraycopy(output, produced, history, dst, length);
            dst += length;
        } else {
            // Byte by byte, so that an overlapping match repeats the bytes it has just produced.
            for (int i = 0; i < length; i++) {
                byte b = history[src];
                output[produced + i] = b;
                history[dst] = b;
                if (++src == HISTORY_SIZE) {
                    src = 0;
                }
                if (++dst == HISTORY_SIZE) {
                    dst = 0;
                }
            }
        }
        historyIndex = dst == HISTORY_SIZE ? 0 : dst;
        historyBytes += length;
        return produced + length;
    }

    /** An unencoded run ([MS-RDPEGFX] 3.1.9.1): a 15-bit count, padding to a byte boundary, then the bytes. */
    private int unencoded(int n, int produced, int limit) {
        int count = read(UNENCODED_COUNT_BITS, "unencodedLength");
        bitPos = (bitPos + 7) & ~7;
        if ((long) count * 8 > bitLimit - bitPos) {
            throw DecodeException.invalidField(NAME, "unencodedLength", count + " bytes, but "
                    + Math.max(0, (bitLimit - bitPos) / 8) + " remain");
        }
        if (count > limit - produced) {
            throw DecodeException.limitExceeded(NAME, "unencodedLength", (long) produced + count, limit);
        }
        int from = bitPos >>> 3;
        System.arraycopy(input, from, output, produced, count);
        writeHistory(input, from, count);
        bitPos += 8 * count;
        return produced + count;
    }

    private void writeHistory(byte[] src, int from, int count) {
        int first = Math.min(count, HISTORY_SIZE - historyIndex);
        System.arraycopy(src, from, history, historyIndex, first);
        System.arraycopy(src, from + first, history, 0, count - first);
        historyIndex = (historyIndex + count) % HISTORY_SIZE;
        historyBytes += count;
    }

    /** Consumes {@code bits} (0-24) bits, failing naming {@code field} when the segment holds fewer. */
    private int read(int bits, String field) {
        if (bits > bitLimit - bitPos) {
            throw DecodeException.invalidField(NAME, field, "needs " + bits + " bits, " + (bitLimit - bitPos)
                    + " remain");
        }
        int value = bits == 0 ? 0 : peek(bits);
        bitPos += bits;
        return value;
    }

    /**
     * The next {@code bits} (1-25) bits, most significant first, without consuming them. Bits past the data read as
     * zero: {@link #input} has 4 zero bytes after it, and callers check the bit limit before consuming.
     */
    private int peek(int bits) {
        int i = bitPos >>> 3;
        int word = (input[i] & 0xFF) << 24 | (input[i + 1] & 0xFF) << 16 | (input[i + 2] & 0xFF) << 8
                | (input[i + 3] & 0xFF);
        return (word << (bitPos & 7)) >>> (32 - bits);
    }
}
