package dev.oriel.rdp.core.graphics.zgfx;

import static dev.oriel.rdp.core.graphics.zgfx.ZgfxTokens.DISTANCE_BASE;
import static dev.oriel.rdp.core.graphics.zgfx.ZgfxTokens.DISTANCE_CODE;
import static dev.oriel.rdp.core.graphics.zgfx.ZgfxTokens.DISTANCE_PREFIX_BITS;
import static dev.oriel.rdp.core.graphics.zgfx.ZgfxTokens.DISTANCE_VALUE_BITS;
import static dev.oriel.rdp.core.graphics.zgfx.ZgfxTokens.HISTORY_SIZE;
import static dev.oriel.rdp.core.graphics.zgfx.ZgfxTokens.LITERAL_BITS;
import static dev.oriel.rdp.core.graphics.zgfx.ZgfxTokens.LITERAL_CODE;
import static dev.oriel.rdp.core.graphics.zgfx.ZgfxTokens.MAX_SEGMENT;
import static dev.oriel.rdp.core.graphics.zgfx.ZgfxTokens.PACKET_COMPRESSED;
import static dev.oriel.rdp.core.graphics.zgfx.ZgfxTokens.PACKET_COMPR_TYPE_RDP8;

import io.netty.buffer.ByteBuf;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Encoder of RDP 8.0 bulk compression ([MS-RDPEGFX] 3.1.9.1) for the server-to-client direction of one graphics
 * channel: each call turns up to 65,535 bytes into one RDP8_BULK_ENCODED_DATA segment ([MS-RDPEGFX] 2.2.5.3).
 *
 * <p>Stateful: like the client's decoder, it keeps the last 2.5 MB of the stream, across segments and messages, and
 * emits literals and matches against it. Segments must reach the client in the order they were compressed, and
 * every segment this instance produced must reach it: the client's history grows with each one. When the encoded
 * form would not be smaller, the segment is sent uncompressed (header {@code 0x04}); the client records those bytes
 * in its history too ([MS-RDPEGFX] 3.1.9.1: "All output bytes MUST be recorded in the history buffer, even bytes
 * from unencoded segments"; FreeRDP's and IronRDP's decoders do so), so this side records them as well.
 *
 * <p>Match finding: a hash of the next 4 bytes selects the most recent position with that hash (covering the whole
 * window), older positions with the same hash are chained for the last 128 KiB, a bounded number of candidates is
 * tried, and one step of lazy evaluation lets a better match at the next byte win over the current one. Where no
 * 4-byte match exists, the most recent position with the same 3 bytes is tried. A match is taken only when it costs
 * fewer bits than the literals it replaces, and a run of literals goes out as an unencoded run when that is shorter.
 *
 * <p>Memory: about 5.2 MB per instance with the whole history (window and tables), allocated once; compressing
 * allocates nothing. A compressor may keep less history than the client ({@link #ZgfxCompressor(int)}): it then only
 * emits matches within what it keeps, which any client decodes, for a little less compression and much less memory
 * (about 1.6 MB at 512 KiB), which matters with many sessions per server.
 * Not thread-safe: one instance per channel direction, used from its event loop.
 */
public final class ZgfxCompressor {
    /** Matches are chained by a hash of this many bytes; 3-byte matches, which pay only when near, have a table. */
    private static final int MIN_MATCH = 4;
    /**
     * The most history a compressor keeps, so the farthest match it can emit. The protocol allows 2,500,000; staying
     * one segment short of it means that, in the client's 2.5 MB ring, a match's source and the bytes it writes never
     * share a slot, however the client copies.
     */
    public static final int MAX_HISTORY = HISTORY_SIZE - MAX_SEGMENT;
    /** The least history {@link #ZgfxCompressor(int)} accepts. */
    public static final int MIN_HISTORY = 64 * 1024;
    private static final int HASH3_BITS = 16;
    private static final int DEFAULT_MAX_CHAIN = 24;
    private static final int DEFAULT_NICE_LENGTH = 96;
    /** Room past the segment's size for the token that crosses it (at most 2 literals and a match: 77 bits). */
    private static final int SCRATCH_SLACK = 64;
    /** Prefix 10001 with distance value 0: an unencoded run follows ([MS-RDPEGFX] 3.1.9.1). */
    private static final int UNENCODED_TOKEN = 0b10001_00000;
    private static final int UNENCODED_TOKEN_BITS = 10;
    /** The longest unencoded run: its count has 15 bits. */
    private static final int MAX_UNENCODED = (1 << ZgfxTokens.UNENCODED_COUNT_BITS) - 1;

    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final int maxChain;
    private final int niceLength;
    /** The farthest match emitted: the history kept, at most {@link #MAX_HISTORY}. */
    private final int maxDistance;
    /** Bits of the 4-byte hash: enough heads for the history kept (2^18 for the whole 2.5 MB). */
    private final int hashBits;

    /**
     * The stream's most recent bytes. INVARIANT: the window holds at least {@code min(historyBytes, maxDistance)}
     * bytes before the segment being compressed, so every distance this class accepts lands inside it.
     */
    private final byte[] window;
    /** Absolute stream position (modulo 2^32) of {@code window[0]}. */
    private int windowBase;
    private int windowEnd;
    /** INVARIANT: the positions before {@code hashedEnd} (window indices) are in {@link #head} and {@link #chain}. */
    private int hashedEnd;
    /** Bytes ever compressed (the client's history holds as many). */
    private long historyBytes;

    /** Most recent absolute position per hash of 4 bytes; stale or colliding entries are weeded out by comparing. */
    private final int[] head;
    /** For the last {@code chain.length} positions, the previous position with the same hash. */
    private final int[] chain;
    private final int chainMask;
    /**
     * Most recent absolute position per hash of 3 bytes: a 3-byte match, which the 4-byte chains cannot find, still
     * beats three literals when it is near (11 bits at a distance below 32 against 15 to 27).
     */
    private final int[] head3 = new int[1 << HASH3_BITS];

    private final byte[] out = new byte[MAX_SEGMENT + SCRATCH_SLACK];
    private int outPos;
    private long bits;
    private int bitCount;
    /** Literals not yet written: {@code window[literalStart, literalStart + literalCount)}, costing literalBits. */
    private int literalStart;
    private int literalCount;
    private int literalBits;

    /** The result of {@link #findMatch}: 0 when there is no match worth taking. */
    private int matchLength;
    private int matchDistance;

    /** A compressor with the default effort that keeps the whole history the client keeps. */
    public ZgfxCompressor() {
        this(MAX_HISTORY);
    }

    /**
     * A compressor with the default effort that matches only within the last {@code history} bytes.
     *
     * @param history {@link #MIN_HISTORY} to {@link #MAX_HISTORY} bytes
     */
    public ZgfxCompressor(int history) {
        this(DEFAULT_MAX_CHAIN, DEFAULT_NICE_LENGTH, history);
    }

    /**
     * @param maxChain   candidates tried per position (more compresses better and slower), at least 1
     * @param niceLength a match this long is taken without looking further, at least 4
     */
    ZgfxCompressor(int maxChain, int niceLength) {
        this(maxChain, niceLength, MAX_HISTORY);
    }

    private ZgfxCompressor(int maxChain, int niceLength, int history) {
        if (maxChain < 1 || niceLength < MIN_MATCH) {
            throw new IllegalArgumentException("maxChain " + maxChain + ", niceLength " + niceLength);
        }
        if (history < MIN_HISTORY || history > MAX_HISTORY) {
            throw new IllegalArgumentException("history of " + history + " bytes, not within " + MIN_HISTORY + ".."
                    + MAX_HISTORY);
        }
        this.maxChain = maxChain;
        this.niceLength = niceLength;
        this.maxDistance = history;
        // Room after the kept history for new segments; the window slides (copying the history) when it is full.
        int slack = Math.max(2 * MAX_SEGMENT, Math.min(1 << 20, history / 2));
        this.window = new byte[history + slack];
        // About one head per 8 bytes of history: 2^18 for the whole history, 2^16 for 512 KiB.
        this.hashBits = Math.max(14, Math.min(18, 31 - Integer.numberOfLeadingZeros(history) - 3));
        this.head = new int[1 << hashBits];
        this.chain = new int[1 << Math.min(17, hashBits)];
        this.chainMask = chain.length - 1;
    }

    /** Bytes compressed so far (the size of the stream the client's history has seen). */
    public long historyBytes() {
        return historyBytes;
    }

    /**
     * Compresses {@code length} bytes of {@code src} from absolute index {@code index} (reader index untouched) into
     * one RDP8_BULK_ENCODED_DATA appended to {@code dst}: header {@code 0x24} and the bit stream, or header
     * {@code 0x04} and the bytes when compression would not make them smaller. The bytes enter the history before
     * anything is written, so {@code dst} must take them (a failure there leaves the client out of step).
     *
     * @param length 0 to 65,535
     * @return the number of bytes written to {@code dst}
     */
    public int compress(ByteBuf src, int index, int length, ByteBuf dst) {
        if (length < 0 || length > MAX_SEGMENT) {
            throw new IllegalArgumentException("segment of " + length + " bytes, at most " + MAX_SEGMENT);
        }
        if (length == 0) {
            // FreeRDP's decoder (2.x and 3.x) refuses a segment that is only a header byte, but accepts an empty
            // bit stream: no tokens, then the padding count 0.
            dst.writeByte(PACKET_COMPR_TYPE_RDP8 | PACKET_COMPRESSED);
            dst.writeByte(0);
            return 2;
        }
        if (windowEnd + length > window.length) {
            slide();
        }
        int start = windowEnd;
        src.getBytes(index, window, start, length);
        windowEnd += length;
        long before = historyBytes;
        historyBytes += length;
        int end = windowEnd;
        // Positions near the end of the previous segment lacked 4 bytes to hash; now they have them.
        insertUpTo(start, end);
        boolean compressed = encode(start, end, before);
        // The history takes in the segment whether it went out encoded or raw (3.1.9.1), so hash all of it.
        insertUpTo(end, end);
        if (compressed) {
            dst.writeByte(PACKET_COMPR_TYPE_RDP8 | PACKET_COMPRESSED);
            dst.writeBytes(out, 0, outPos);
            return 1 + outPos;
        }
        dst.writeByte(PACKET_COMPR_TYPE_RDP8);
        dst.writeBytes(window, start, length);
        return 1 + length;
    }

    /** Encodes {@code window[start, end)}; false when the result would not be smaller than the bytes. */
    private boolean encode(int start, int end, long before) {
        int length = end - start;
        outPos = 0;
        bits = 0;
        bitCount = 0;
        literalCount = 0;
        literalBits = 0;
        int p = start;
        boolean pending = false; // Whether matchLength/matchDistance already describe position p.
        while (p < end) {
            if (outPos + pendingLiteralBytes() >= length - 1) {
                return false; // Already no smaller than the raw bytes, with the padding byte still to come.
            }
            if (!pending) {
                findMatch(p, end, before + (p - start));
                insertUpTo(p + 1, end);
            }
            pending = false;
            int length1 = matchLength;
            int distance1 = matchDistance;
            if (length1 == 0) {
                literal(p);
                p++;
                continue;
            }
            if (length1 < niceLength && p + 1 < end) {
                // Lazy evaluation: if the match starting one byte later saves more, emit a literal instead.
                findMatch(p + 1, end, before + (p + 1 - start));
                insertUpTo(p + 2, end);
                if (matchLength > 0 && gain(matchLength, matchDistance) > gain(length1, distance1)) {
                    literal(p);
                    p++;
                    pending = true;
                    continue;
                }
            }
            flushLiterals();
            match(length1, distance1);
            p += length1;
            insertUpTo(p, end);
        }
        flushLiterals();
        // Flush the last partial byte; the final byte counts its unused low bits (3.1.9.1).
        int padding = 0;
        if (bitCount > 0) {
            padding = 8 - bitCount;
            out[outPos++] = (byte) (bits << padding);
        }
        out[outPos++] = (byte) padding;
        return outPos < length;
    }

    /**
     * Finds the best match for {@code window[p, end)} among the chained candidates, whose distance is at most
     * {@code min(maxDistance, before)}; sets {@link #matchLength} (0 if none pays) and {@link #matchDistance}.
     */
    private void findMatch(int p, int end, long before) {
        matchLength = 0;
        int maxLength = end - p;
        if (maxLength < MIN_MATCH) {
            return;
        }
        int maxDistance = (int) Math.min(this.maxDistance, before);
        int position = windowBase + p;
        int first = (int) INT.get(window, p);
        int candidate = head[hash(first)];
        int bestLength = MIN_MATCH - 1;
        int bestDistance = 0;
        int bestGain = Integer.MIN_VALUE;
        int previousDistance = 0;
        for (int tries = maxChain; tries > 0; tries--) {
            int distance = position - candidate;
            // Chains run to older positions: a distance that does not grow is a stale entry, so the chain ends.
            if (distance <= previousDistance || distance > maxDistance) {
                break;
            }
            int c = p - distance;
            if (window[c + bestLength] == window[p + bestLength] && (int) INT.get(window, c) == first) {
                int length = extend(c, p, maxLength);
                if (length > bestLength) {
                    int gain = gain(length, distance);
                    if (gain > bestGain) {
                        bestGain = gain;
                        bestLength = length;
                        bestDistance = distance;
                        if (length >= niceLength || length == maxLength) {
                            break;
                        }
                    }
                }
            }
            if (distance >= chain.length) {
                break; // This candidate's chain slot may already hold a newer position.
            }
            previousDistance = distance;
            candidate = chain[candidate & chainMask];
        }
        if (bestDistance == 0) {
            // No 4-byte match: try the most recent position with the same 3 bytes; pays() keeps it only if near.
            int distance = position - head3[hash3(first)];
            if (distance > 0 && distance <= maxDistance) {
                int c = p - distance;
                if (window[c] == window[p] && window[c + 1] == window[p + 1] && window[c + 2] == window[p + 2]) {
                    bestLength = 3;
                    bestDistance = distance;
                }
            }
        }
        if (bestDistance != 0 && pays(p, bestLength, bestDistance)) {
            matchLength = bestLength;
            matchDistance = bestDistance;
        }
    }

    /** The length of the common run of {@code window[c...]} and {@code window[p...]}, given 4 equal bytes. */
    private int extend(int c, int p, int maxLength) {
        int length = MIN_MATCH;
        while (length + 8 <= maxLength) {
            long diff = (long) LONG.get(window, c + length) ^ (long) LONG.get(window, p + length);
            if (diff != 0) {
                return length + (Long.numberOfTrailingZeros(diff) >>> 3);
            }
            length += 8;
        }
        while (length < maxLength && window[c + length] == window[p + length]) {
            length++;
        }
        return length;
    }

    /**
     * Whether the match costs fewer bits than the literals it replaces. Only short matches can lose: against 9-bit
     * literals, or, inside a stretch of noise that will go out as an unencoded run, against 8 bits a byte plus the
     * cost of starting a new run after the match.
     */
    private boolean pays(int p, int length, int distance) {
        if (length >= 16) {
            return true; // At least 80 bits of literals against at most 29 + 8 bits of match.
        }
        int matchBits = matchBits(length, distance);
        if (literalCount > 0 && unencodedBits(literalCount) < literalBits) {
            return matchBits + UNENCODED_TOKEN_BITS + ZgfxTokens.UNENCODED_COUNT_BITS + 7 < 8 * length;
        }
        int literalCost = 0;
        for (int i = 0; i < length; i++) {
            literalCost += LITERAL_BITS[window[p + i] & 0xFF];
        }
        return matchBits < literalCost;
    }

    /** Bits saved against (roughly 9-bit) literals: how matches are compared with each other. */
    private static int gain(int length, int distance) {
        return 9 * length - matchBits(length, distance);
    }

    private static int matchBits(int length, int distance) {
        int i = ZgfxTokens.distanceIndex(distance);
        return DISTANCE_PREFIX_BITS[i] + DISTANCE_VALUE_BITS[i] + ZgfxTokens.lengthBits(length);
    }

    /** Queues the byte at window index {@code p} as a literal; the run is written when a match or the end comes. */
    private void literal(int p) {
        if (literalCount == 0) {
            literalStart = p;
        } else if (literalCount == MAX_UNENCODED) {
            flushLiterals();
            literalStart = p;
        }
        literalCount++;
        literalBits += LITERAL_BITS[window[p] & 0xFF];
    }

    /** An upper bound on the bytes the queued literals will take. */
    private int pendingLiteralBytes() {
        return (Math.min(literalBits, unencodedBits(literalCount)) + 7) >>> 3;
    }

    /** A run as unencoded bytes: token, 15-bit count, up to 7 bits of alignment, the bytes. */
    private static int unencodedBits(int count) {
        return UNENCODED_TOKEN_BITS + ZgfxTokens.UNENCODED_COUNT_BITS + 7 + 8 * count;
    }

    /**
     * Writes the queued literals, each with its prefix code, or as one unencoded run when that is shorter: bytes
     * that do not compress (noise, already-compressed tiles) then cost 8 bits each instead of 9.
     */
    private void flushLiterals() {
        int count = literalCount;
        if (count == 0) {
            return;
        }
        literalCount = 0;
        if (unencodedBits(count) < literalBits) {
            write(UNENCODED_TOKEN, UNENCODED_TOKEN_BITS);
            write(count, ZgfxTokens.UNENCODED_COUNT_BITS);
            if (bitCount > 0) {
                write(0, 8 - bitCount); // The bytes start on a byte boundary.
            }
            System.arraycopy(window, literalStart, out, outPos, count);
            outPos += count;
        } else {
            for (int i = literalStart, end = literalStart + count; i < end; i++) {
                int value = window[i] & 0xFF;
                write(LITERAL_CODE[value], LITERAL_BITS[value]);
            }
        }
        literalBits = 0;
    }

    private void match(int length, int distance) {
        int i = ZgfxTokens.distanceIndex(distance);
        int valueBits = DISTANCE_VALUE_BITS[i];
        write(DISTANCE_CODE[i] << valueBits | (distance - DISTANCE_BASE[i]), DISTANCE_PREFIX_BITS[i] + valueBits);
        if (length == 3) {
            write(0, 1);
        } else {
            // k-1 one bits and a zero, then the k low bits of the length, where 2^k <= length < 2^(k+1).
            int k = 31 - Integer.numberOfLeadingZeros(length);
            int prefix = ((1 << (k - 1)) - 1) << 1;
            write(prefix << k | (length - (1 << k)), 2 * k);
        }
    }

    /** Appends the low {@code count} (at most 32) bits of {@code value}, most significant first. */
    private void write(int value, int count) {
        bits = bits << count | (value & 0xFFFF_FFFFL);
        bitCount += count;
        while (bitCount >= 8) {
            bitCount -= 8;
            out[outPos++] = (byte) (bits >>> bitCount);
        }
        bits &= (1L << bitCount) - 1;
    }

    /** Adds the positions from {@code hashedEnd} to {@code limit} (exclusive) that have 4 bytes before {@code end}. */
    private void insertUpTo(int limit, int end) {
        int last = Math.min(limit, end - MIN_MATCH + 1);
        for (int q = hashedEnd; q < last; q++) {
            int fourBytes = (int) INT.get(window, q);
            int h = hash(fourBytes);
            int position = windowBase + q;
            chain[position & chainMask] = head[h];
            head[h] = position;
            head3[hash3(fourBytes)] = position;
        }
        if (last > hashedEnd) {
            hashedEnd = last;
        }
    }

    /** A hash of the first 3 of the 4 bytes (little-endian, so the low 24 bits). */
    private static int hash3(int fourBytes) {
        return ((fourBytes & 0xFF_FFFF) * 0x9E37_79B1) >>> (32 - HASH3_BITS);
    }

    private int hash(int fourBytes) {
        return (fourBytes * 0x9E37_79B1) >>> (32 - hashBits);
    }

    /** Drops the oldest bytes, keeping the {@link #maxDistance} most recent ones at the start of the window. */
    private void slide() {
        int shift = windowEnd - maxDistance;
        System.arraycopy(window, shift, window, 0, maxDistance);
        windowEnd -= shift;
        hashedEnd = Math.max(0, hashedEnd - shift);
        windowBase += shift;
    }
}
