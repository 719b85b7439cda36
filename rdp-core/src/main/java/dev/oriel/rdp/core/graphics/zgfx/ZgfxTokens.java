package dev.oriel.rdp.core.graphics.zgfx;

/**
 * The constants and prefix-code tables of RDP 8.0 bulk compression ([MS-RDPEGFX] 3.1.9.1), shared by
 * {@link ZgfxCompressor} and {@link ZgfxDecompressor} so both sides read one definition of the code.
 *
 * <p>The bit stream is read most-significant bit first. Each token starts with a prefix code: a literal (either
 * {@code 0} followed by the 8-bit byte, or a shorter prefix that stands for one frequent byte on its own), or a match
 * whose prefix selects a distance range (base and number of value bits). A match distance of 0 introduces a run of
 * unencoded bytes instead: a 15-bit count, padding to the next byte boundary, then the bytes themselves.
 */
final class ZgfxTokens {
    /** [MS-RDPEGFX] 3.1.9.1: "Maximum match distance / minimum history size: 2,500,000 bytes". */
    static final int HISTORY_SIZE = 2_500_000;
    /** [MS-RDPEGFX] 2.2.5.1/3.1.9.1: at most 65,535 uncompressed bytes per segment. */
    static final int MAX_SEGMENT = 65_535;
    /** [MS-RDPEGFX] 3.1.9.1: a compressed segment may exceed its uncompressed size by at most 1,000 bytes. */
    static final int MAX_EXPANSION = 1_000;
    /** The bulk header's compression type ([MS-RDPEGFX] 2.2.5.3). */
    static final int PACKET_COMPR_TYPE_RDP8 = 0x04;
    /** The bulk header flag of a compressed segment ([MS-RDPEGFX] 2.2.5.3). */
    static final int PACKET_COMPRESSED = 0x20;
    /** The 15-bit count of an unencoded run ([MS-RDPEGFX] 3.1.9.1). */
    static final int UNENCODED_COUNT_BITS = 15;

    /** The longest prefix code, in bits: the decoder peeks this many bits to find a token in one table lookup. */
    static final int MAX_PREFIX_BITS = 9;

    /** Frequent literal bytes with their own prefix: {prefix length, prefix code, byte}. */
    private static final int[][] LITERALS = {
        {5, 0b11000, 0x00}, {5, 0b11001, 0x01},
        {6, 0b110100, 0x02}, {6, 0b110101, 0x03}, {6, 0b110110, 0xFF},
        {7, 0b1101110, 0x04}, {7, 0b1101111, 0x05}, {7, 0b1110000, 0x06}, {7, 0b1110001, 0x07},
        {7, 0b1110010, 0x08}, {7, 0b1110011, 0x09}, {7, 0b1110100, 0x0A}, {7, 0b1110101, 0x0B},
        {7, 0b1110110, 0x3A}, {7, 0b1110111, 0x3B}, {7, 0b1111000, 0x3C}, {7, 0b1111001, 0x3D},
        {7, 0b1111010, 0x3E}, {7, 0b1111011, 0x3F}, {7, 0b1111100, 0x40}, {7, 0b1111101, 0x80},
        {8, 0b11111100, 0x0C}, {8, 0b11111101, 0x38}, {8, 0b11111110, 0x39}, {8, 0b11111111, 0x66},
    };

    /** Match-distance prefixes, in increasing distance: {prefix length, prefix code, value bits, base}. */
    private static final int[][] DISTANCES = {
        {5, 0b10001, 5, 0},
        {5, 0b10010, 7, 32},
        {5, 0b10011, 9, 160},
        {5, 0b10100, 10, 672},
        {5, 0b10101, 12, 1_696},
        {6, 0b101100, 14, 5_792},
        {6, 0b101101, 15, 22_176},
        {7, 0b1011100, 18, 54_944},
        {7, 0b1011101, 20, 317_088},
        {8, 0b10111100, 20, 1_365_664},
        {8, 0b10111101, 21, 2_414_240},
        {9, 0b101111100, 22, 4_511_392},
        {9, 0b101111101, 23, 8_705_696},
        {9, 0b101111110, 24, 17_094_304},
    };

    // Decode-table entries pack: prefix length (bits 24-27), kind (bits 16-19), payload (bits 0-15).
    static final int KIND_INVALID = 0;
    static final int KIND_NULL_LITERAL = 1;
    static final int KIND_LITERAL = 2;
    static final int KIND_MATCH = 3;

    /**
     * Indexed by the next {@link #MAX_PREFIX_BITS} bits of the stream. INVARIANT: the codes are prefix-free, so every
     * index starting with a code maps to that code's token; the two unassigned prefixes ({@code 10000} and
     * {@code 101111111}) map to {@link #KIND_INVALID}.
     */
    static final int[] DECODE = new int[1 << MAX_PREFIX_BITS];
    /** Value bits of each match-distance prefix, by its index in the distance table. */
    static final int[] DISTANCE_VALUE_BITS = new int[DISTANCES.length];
    /** Base of each match-distance prefix, by its index in the distance table. */
    static final int[] DISTANCE_BASE = new int[DISTANCES.length];
    /** Prefix code of each match-distance prefix. */
    static final int[] DISTANCE_CODE = new int[DISTANCES.length];
    /** Prefix length of each match-distance prefix. */
    static final int[] DISTANCE_PREFIX_BITS = new int[DISTANCES.length];
    /** The complete code of each literal byte (prefix and, for the null-literal form, the byte). */
    static final int[] LITERAL_CODE = new int[256];
    /** The length in bits of {@link #LITERAL_CODE}. */
    static final int[] LITERAL_BITS = new int[256];

    static {
        fill(0, 1, (1 << 24) | (KIND_NULL_LITERAL << 16));
        for (int[] l : LITERALS) {
            fill(l[1], l[0], (l[0] << 24) | (KIND_LITERAL << 16) | l[2]);
        }
        for (int i = 0; i < DISTANCES.length; i++) {
            int[] d = DISTANCES[i];
            fill(d[1], d[0], (d[0] << 24) | (KIND_MATCH << 16) | i);
            DISTANCE_PREFIX_BITS[i] = d[0];
            DISTANCE_CODE[i] = d[1];
            DISTANCE_VALUE_BITS[i] = d[2];
            DISTANCE_BASE[i] = d[3];
        }
        for (int b = 0; b < 256; b++) {
            LITERAL_CODE[b] = b; // The null-literal form: prefix 0, then the byte.
            LITERAL_BITS[b] = 9;
        }
        for (int[] l : LITERALS) {
            LITERAL_CODE[l[2]] = l[1];
            LITERAL_BITS[l[2]] = l[0];
        }
    }

    private ZgfxTokens() {
    }

    private static void fill(int code, int length, int entry) {
        int shift = MAX_PREFIX_BITS - length;
        for (int i = code << shift, end = (code + 1) << shift; i < end; i++) {
            if (DECODE[i] != 0) {
                throw new IllegalStateException("prefix codes overlap at " + Integer.toBinaryString(i));
            }
            DECODE[i] = entry;
        }
    }

    /** The index in the distance table of the prefix whose range holds {@code distance} (1 to 2^24). */
    static int distanceIndex(int distance) {
        int i = 0;
        while (i + 1 < DISTANCE_BASE.length && distance >= DISTANCE_BASE[i + 1]) {
            i++;
        }
        return i;
    }

    /** Bits of the match-length code ([MS-RDPEGFX] 3.1.9.1): 1 for length 3, else {@code 2 * floor(log2 length)}. */
    static int lengthBits(int length) {
        return length == 3 ? 1 : 2 * (31 - Integer.numberOfLeadingZeros(length));
    }
}
