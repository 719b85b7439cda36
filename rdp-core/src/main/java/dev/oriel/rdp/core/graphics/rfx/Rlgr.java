package dev.oriel.rdp.core.graphics.rfx;

import dev.oriel.rdp.core.error.DecodeException;
import java.util.Arrays;

/**
 * RLGR entropy coding of one 64×64 component's 4096 linearised coefficients ([MS-RDPRFX] 3.1.8.1.7, pseudo-code in
 * 3.1.8.1.7.3). Two adaptive parameters drive it: {@code k} (from {@code kp}) chooses between run-length mode
 * ({@code k > 0}: runs of zeros, then one signed value) and Golomb-Rice mode ({@code k == 0}: values directly), and
 * {@code kr} (from {@code krp}) is the Golomb-Rice remainder width. Both are kept scaled by {@code 2^LSGR} so they
 * move in fractional steps.
 *
 * <p>Stateless and allocation-free when encoding; thread-safe.
 */
public final class Rlgr {
    /** Coefficients in one component of a 64×64 tile. */
    public static final int COEFFICIENTS = 4096;

    // Adaptation constants of [MS-RDPRFX] 3.1.8.1.7.3.
    private static final int KPMAX = 80;
    private static final int LSGR = 3;
    private static final int UP_GR = 4;
    private static final int DN_GR = 6;
    private static final int UQ_GR = 3;
    private static final int DQ_GR = 3;

    static final String NAME = "RfxRlgr";

    private static final short[] ZEROS = new short[COEFFICIENTS];

    private Rlgr() {
    }

    /**
     * Encodes {@code coefficients[0..4096)} into {@code dst[offset..offset+capacity)}, most significant bit first,
     * the last byte padded with zero bits. Allocation-free; the bit writer lives in local variables (a 64-bit
     * accumulator that spills 32-bit words) because this loop is the encoder's hottest.
     *
     * @return the number of bytes written
     * @throws IllegalArgumentException when {@code capacity} is too small
     */
    public static int encode(RlgrMode mode, short[] coefficients, byte[] dst, int offset, int capacity) {
        final short[] in = coefficients;
        final boolean rlgr3 = mode == RlgrMode.RLGR3;
        final int n = COEFFICIENTS;
        final int limit = offset + capacity;
        int pos = offset;
        long acc = 0; // pending bits in the low accBits bits
        int accBits = 0;
        int kp = 1 << LSGR;
        int krp = 1 << LSGR;
        int i = 0;
        while (i < n) {
            int k = kp >> LSGR;
            int value; // the Golomb-Rice value to send next
            long prefix; // bits sent before it
            int prefixBits;
            int first = -1; // RLGR3: the pair's first value, sent after the code of their sum
            if (k > 0) {
                // Run-length mode: the zeros before the next non-zero value, in chunks of 2^k.
                int start = i;
                int shortRun = Math.min(n, i + 16);
                while (i < shortRun && in[i] == 0) {
                    i++;
                }
                if (i == shortRun && i < n) {
                    // A long run (flat content): the JDK's vectorised comparison against zeros finds its end.
                    int m = Arrays.mismatch(in, i, n, ZEROS, 0, n - i);
                    i = m < 0 ? n : i + m;
                }
                int zeros = i - start;
                while (zeros >= 1 << k) {
                    // A 0 bit per full chunk; each raises k.
                    acc <<= 1;
                    if (++accBits == 32) {
                        pos = spill(dst, pos, limit, (int) acc);
                        accBits = 0;
                    }
                    zeros -= 1 << k;
                    kp = Math.min(kp + UP_GR, KPMAX);
                    k = kp >> LSGR;
                }
                // A 1 bit ends the run, k bits give the remainder.
                acc = acc << (k + 1) | 1L << k | zeros;
                accBits += k + 1;
                if (accBits >= 32) {
                    accBits -= 32;
                    pos = spill(dst, pos, limit, (int) (acc >>> accBits));
                }
                int v;
                if (i < n) {
                    v = in[i++];
                } else {
                    // The run reached the end of the component. RL mode cannot code a zero value, so a dummy
                    // magnitude 1 follows: decoders stop at 4096 coefficients and drop it. Sending the bits at
                    // all follows FreeRDP, whose encoder notes that mstsc fails on a run without them.
                    v = 1;
                }
                prefix = v < 0 ? 1 : 0; // the sign bit, then the magnitude minus one
                prefixBits = 1;
                value = Math.abs(v) - 1;
                kp = Math.max(kp - DN_GR, 0);
            } else if (!rlgr3) {
                value = twoMagSign(in[i++]);
                prefix = 0;
                prefixBits = 0;
                // [MS-RDPRFX] 3.1.8.1.7.3: a zero raises kp (towards run mode), a non-zero lowers it.
                kp = value == 0 ? Math.min(kp + UQ_GR, KPMAX) : Math.max(kp - DQ_GR, 0);
            } else {
                int twoMs1 = twoMagSign(in[i++]);
                int twoMs2 = i < n ? twoMagSign(in[i++]) : 0;
                value = twoMs1 + twoMs2;
                prefix = 0;
                prefixBits = 0;
                if (twoMs1 != 0 && twoMs2 != 0) {
                    kp = Math.max(kp - 2 * DQ_GR, 0);
                } else if (twoMs1 == 0 && twoMs2 == 0) {
                    kp = Math.min(kp + 2 * UQ_GR, KPMAX);
                }
                // After the sum's code: the first value in exactly as many bits as the sum needs (below).
                first = twoMs1;
            }
            // Golomb-Rice code of value with remainder width kr: (value >> kr) ones, a zero, kr remainder bits.
            int kr = krp >> LSGR;
            int quotient = value >>> kr;
            int ones = quotient;
            if (prefixBits > 0) {
                acc = acc << prefixBits | (prefix & ((1L << prefixBits) - 1));
                accBits += prefixBits;
            }
            while (ones >= 16) {
                acc = acc << 16 | 0xFFFF;
                accBits += 16;
                ones -= 16;
                if (accBits >= 32) {
                    accBits -= 32;
                    pos = spill(dst, pos, limit, (int) (acc >>> accBits));
                }
            }
            int len = ones + 1 + kr; // at most 15 + 1 + 10
            acc = acc << len | ((1L << ones) - 1) << (kr + 1) | (value & ((1L << kr) - 1));
            accBits += len;
            if (accBits >= 32) {
                accBits -= 32;
                pos = spill(dst, pos, limit, (int) (acc >>> accBits));
            }
            if (quotient == 0) {
                krp = Math.max(krp - 2, 0);
            } else if (quotient > 1) {
                krp = Math.min(krp + quotient, KPMAX);
            }
            if (first >= 0) {
                int bits = 32 - Integer.numberOfLeadingZeros(value);
                acc = acc << bits | first;
                accBits += bits;
                if (accBits >= 32) {
                    accBits -= 32;
                    pos = spill(dst, pos, limit, (int) (acc >>> accBits));
                }
            }
        }
        // Flush the last partial word, the final byte padded with zero bits.
        while (accBits > 0) {
            if (pos >= limit) {
                throw tooSmall(capacity);
            }
            int take = Math.min(accBits, 8);
            accBits -= take;
            dst[pos++] = (byte) ((acc >>> accBits) << (8 - take));
        }
        return pos - offset;
    }

    /** Writes a 32-bit word big-endian. */
    private static int spill(byte[] dst, int pos, int limit, int word) {
        if (pos + 4 > limit) {
            throw tooSmall(limit);
        }
        dst[pos] = (byte) (word >>> 24);
        dst[pos + 1] = (byte) (word >>> 16);
        dst[pos + 2] = (byte) (word >>> 8);
        dst[pos + 3] = (byte) word;
        return pos + 4;
    }

    private static IllegalArgumentException tooSmall(int capacity) {
        return new IllegalArgumentException("RLGR output does not fit the buffer (" + capacity + ")");
    }

    /** {@code 2·|v| − sign(v)}: 0, −1, 1, −2, 2 … map to 0, 1, 2, 3, 4 … */
    private static int twoMagSign(int v) {
        return v >= 0 ? v << 1 : (-v << 1) - 1;
    }

    /**
     * Decodes {@code src[offset..offset+length)} into the 4096 entries of {@code dst}. Stops at 4096 coefficients
     * (trailing bits are padding); when the bits end first, the rest is zero as in FreeRDP's and IronRDP's
     * decoders. Never reads outside the range nor writes past 4096 entries.
     *
     * @throws DecodeException on a zero run past the end of the component or a magnitude beyond 16 bits
     */
    public static void decode(RlgrMode mode, byte[] src, int offset, int length, short[] dst) {
        if (offset < 0 || length < 0 || offset + length > src.length || dst.length < COEFFICIENTS) {
            throw new IllegalArgumentException("bad range");
        }
        BitReader r = new BitReader(src, offset, length);
        boolean rlgr3 = mode == RlgrMode.RLGR3;
        int kp = 1 << LSGR;
        int[] krp = {1 << LSGR};
        int o = 0;
        final int n = COEFFICIENTS;
        while (o < n && r.remaining() > 0) {
            int k = kp >> LSGR;
            if (k > 0) {
                long run = 0;
                int zeroBits = r.countRun(0);
                for (int z = 0; z < zeroBits; z++) {
                    run += 1 << k;
                    kp = Math.min(kp + UP_GR, KPMAX);
                    k = kp >> LSGR;
                }
                if (run > n - o) {
                    throw DecodeException.invalidField(NAME, "run",
                            "zero run of " + run + " at coefficient " + o + " passes the end of the component");
                }
                if (r.remaining() < 1 + k) {
                    break; // padding after the last symbol
                }
                r.skip(1);
                run += r.read(k);
                if (run > n - o) {
                    throw DecodeException.invalidField(NAME, "run",
                            "zero run of " + run + " at coefficient " + o + " passes the end of the component");
                }
                if (r.remaining() < 1) {
                    fillZero(dst, o, (int) run);
                    o += (int) run;
                    break;
                }
                int sign = r.read(1);
                long code = readGolombRice(r, krp);
                if (code < 0) {
                    fillZero(dst, o, (int) run);
                    o += (int) run;
                    break;
                }
                kp = Math.max(kp - DN_GR, 0);
                long mag = code + 1;
                fillZero(dst, o, (int) run);
                o += (int) run;
                if (o < n) {
                    dst[o++] = toShort(sign != 0 ? -mag : mag);
                }
            } else {
                long code = readGolombRice(r, krp);
                if (code < 0) {
                    break;
                }
                if (!rlgr3) {
                    kp = code == 0 ? Math.min(kp + UQ_GR, KPMAX) : Math.max(kp - DQ_GR, 0);
                    dst[o++] = toShort(unTwoMagSign(code));
                } else {
                    int bits = 64 - Long.numberOfLeadingZeros(code);
                    if (r.remaining() < bits) {
                        break;
                    }
                    long v1 = bits == 0 ? 0 : r.readLong(bits);
                    long v2 = code - v1;
                    if (v2 < 0) {
                        throw DecodeException.invalidField(NAME, "RLGR3 pair",
                                "first value " + v1 + " exceeds the sum " + code + " at coefficient " + o);
                    }
                    if (v1 != 0 && v2 != 0) {
                        kp = Math.max(kp - 2 * DQ_GR, 0);
                    } else if (v1 == 0 && v2 == 0) {
                        kp = Math.min(kp + 2 * UQ_GR, KPMAX);
                    }
                    dst[o++] = toShort(unTwoMagSign(v1));
                    // A pair straddling the end: the second value is dropped. The spec's sample stream
                    // ([MS-RDPRFX] 4.2.4) has a non-zero one there, so it cannot be required to be zero.
                    if (o < n) {
                        dst[o++] = toShort(unTwoMagSign(v2));
                    }
                }
            }
        }
        fillZero(dst, o, n - o);
    }

    private static void fillZero(short[] dst, int from, int count) {
        Arrays.fill(dst, from, from + count, (short) 0);
    }

    private static long unTwoMagSign(long twoMs) {
        return (twoMs & 1) != 0 ? -((twoMs + 1) >> 1) : twoMs >> 1;
    }

    private static short toShort(long v) {
        if (v < Short.MIN_VALUE || v > Short.MAX_VALUE) {
            throw DecodeException.invalidField(NAME, "magnitude", "coefficient " + v + " does not fit 16 bits");
        }
        return (short) v;
    }

    /** A Golomb-Rice value and the {@code krp} update, or −1 when the bits end inside it. */
    private static long readGolombRice(BitReader r, int[] krp) {
        int kr = krp[0] >> LSGR;
        int ones = r.countRun(1);
        if (r.remaining() < 1 + kr) {
            return -1;
        }
        r.skip(1);
        long code = (long) ones << kr | r.read(kr);
        if (ones == 0) {
            krp[0] = Math.max(krp[0] - 2, 0);
        } else if (ones > 1) {
            krp[0] = (int) Math.min((long) krp[0] + ones, KPMAX);
        }
        return code;
    }

    /** Most-significant-bit-first reader over a byte range. */
    private static final class BitReader {
        private final byte[] src;
        private final int base;
        private final long end; // in bits
        private long pos; // in bits

        BitReader(byte[] src, int offset, int length) {
            this.src = src;
            this.base = offset;
            this.end = (long) length * 8;
        }

        long remaining() {
            return end - pos;
        }

        void skip(int bits) {
            pos += bits;
        }

        private int bit(long p) {
            return (src[base + (int) (p >>> 3)] >> (7 - (int) (p & 7))) & 1;
        }

        /** Counts and consumes the bits equal to {@code value} (stopping at the end of the range). */
        int countRun(int value) {
            int c = 0;
            while (pos < end && bit(pos) == value) {
                pos++;
                c++;
            }
            return c;
        }

        /** Reads {@code count} (≤ 31) bits; the caller has checked they remain. */
        int read(int count) {
            int v = 0;
            for (int i = 0; i < count; i++) {
                v = v << 1 | bit(pos++);
            }
            return v;
        }

        long readLong(int count) {
            long v = 0;
            for (int i = 0; i < count; i++) {
                v = v << 1 | bit(pos++);
            }
            return v;
        }
    }
}
