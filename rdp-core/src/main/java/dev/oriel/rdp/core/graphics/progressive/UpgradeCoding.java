package dev.oriel.rdp.core.graphics.progressive;

import dev.oriel.rdp.core.error.DecodeException;

/**
 * The two bit streams of an RFX_PROGRESSIVE_TILE_UPGRADE component ([MS-RDPEGFX] 2.2.4.2.1.5.5, 3.2.8.1.x): RAW
 * data carries the next {@code numBits} magnitude bits of every coefficient that is already significant (a non-zero
 * sign state), and of every LL3 coefficient; SRL data (simplified run-length) carries the coefficients that were
 * zero so far, as adaptive zero runs followed by a sign bit and a unary magnitude of at most {@code 2^numBits − 1}.
 * Both streams are read and written most significant bit first and padded to a byte.
 *
 * <p>The SRL adaptation is the one the reference decoder implements (FreeRDP 2.11 {@code progressive_rfx_srl_read},
 * read to learn the format): a parameter {@code kp} starts at 8 for each component, {@code k = kp / 8}; in zero mode
 * a 0 bit stands for a run of {@code 2^k} zeros ({@code kp += 4}, at most 80) and a 1 bit is followed by {@code k}
 * bits giving a shorter run that ends in a non-zero value; that value is a sign bit (1 for negative,
 * {@code kp −= 6}, at least 0) and, unless {@code numBits} is 1, a magnitude coded as {@code mag − 1} zero bits and a
 * terminating 1, the 1 left out when {@code mag} is the largest, {@code 2^numBits − 1}. The state runs on across the
 * sub-bands of a component; a band whose numBits is 0 contributes nothing to either stream.
 */
final class UpgradeCoding {
    private UpgradeCoding() {
    }

    /** Reads MSB first from a byte range; running out is a {@link DecodeException} naming the length field. */
    static final class BitReader {
        private byte[] data;
        private int start;
        private int length;
        private long position;
        private String pdu;
        private String field;

        void reset(byte[] data, int start, int length, String pdu, String field) {
            this.data = data;
            this.start = start;
            this.length = length;
            this.position = 0;
            this.pdu = pdu;
            this.field = field;
        }

        /** Reads {@code n} bits (0 ≤ n ≤ 31) as an unsigned value. */
        int read(int n) {
            if (position + n > 8L * length) {
                throw DecodeException.invalidField(pdu, field, length + " bytes end inside the coefficients");
            }
            int v = 0;
            for (int i = 0; i < n; i++) {
                long p = position++;
                v = v << 1 | (data[start + (int) (p >>> 3)] >> (7 - (int) (p & 7))) & 1;
            }
            return v;
        }

        /** Bytes used, the last one partly. */
        int bytesUsed() {
            return (int) ((position + 7) >>> 3);
        }
    }

    /** The decoding side of the SRL stream ({@link UpgradeCoding}). */
    static final class SrlReader {
        final BitReader bits = new BitReader();
        private int kp;
        private int nz;
        private boolean unary;

        void reset(byte[] data, int start, int length, String pdu, String field) {
            bits.reset(data, start, length, pdu, field);
            kp = 8;
            nz = 0;
            unary = false;
        }

        /** The next coefficient of a band with {@code numBits} (1..24) new bits: 0 or ±1 … ±(2^numBits − 1). */
        int read(int numBits) {
            if (nz > 0) {
                nz--;
                return 0;
            }
            int k = kp / 8;
            if (!unary) {
                if (bits.read(1) == 0) {
                    nz = (1 << k) - 1;
                    kp = Math.min(kp + 4, 80);
                    return 0;
                }
                unary = true;
                nz = bits.read(k);
                if (nz > 0) {
                    nz--;
                    return 0;
                }
            }
            unary = false;
            boolean negative = bits.read(1) == 1;
            kp = Math.max(kp - 6, 0);
            int mag = 1;
            if (numBits > 1) {
                int max = (1 << numBits) - 1;
                while (mag < max && bits.read(1) == 0) {
                    mag++;
                }
            }
            return negative ? -mag : mag;
        }
    }

    /** Writes MSB first into a fixed buffer. */
    static final class BitWriter {
        final byte[] data;
        private long position;

        BitWriter(int capacity) {
            data = new byte[capacity];
        }

        void reset() {
            position = 0;
        }

        /** Appends the low {@code n} bits of {@code v} (0 ≤ n ≤ 31). */
        void write(int v, int n) {
            if (position + n > 8L * data.length) {
                throw new IllegalStateException("an upgrade component needs more than " + data.length + " bytes");
            }
            for (int i = n - 1; i >= 0; i--) {
                int byteIndex = (int) (position >>> 3);
                int bit = 7 - (int) (position & 7);
                if (bit == 7) {
                    data[byteIndex] = 0;
                }
                data[byteIndex] |= (byte) (((v >>> i) & 1) << bit);
                position++;
            }
        }

        /** Bytes written, the last one padded with zero bits. */
        int bytes() {
            return (int) ((position + 7) >>> 3);
        }
    }

    /** The encoding side of the SRL stream, the mirror of {@link SrlReader}. */
    static final class SrlWriter {
        final BitWriter bits;
        private int kp;
        private int zeros;

        SrlWriter(int capacity) {
            bits = new BitWriter(capacity);
        }

        void reset() {
            bits.reset();
            kp = 8;
            zeros = 0;
        }

        /** Appends one coefficient, |value| &lt; 2^numBits. */
        void write(int value, int numBits) {
            if (value == 0) {
                zeros++;
                return;
            }
            while (zeros >= 1 << (kp / 8)) {
                bits.write(0, 1);
                zeros -= 1 << (kp / 8);
                kp = Math.min(kp + 4, 80);
            }
            int k = kp / 8;
            bits.write(1, 1);
            bits.write(zeros, k);
            zeros = 0;
            bits.write(value < 0 ? 1 : 0, 1);
            kp = Math.max(kp - 6, 0);
            if (numBits > 1) {
                int mag = Math.abs(value);
                int max = (1 << numBits) - 1;
                for (int i = 1; i < mag; i++) {
                    bits.write(0, 1);
                }
                if (mag < max) {
                    bits.write(1, 1);
                }
            }
        }

        /** Ends the component: trailing zeros as whole runs (the decoder ignores the excess of the last one). */
        void finish() {
            while (zeros > 0) {
                bits.write(0, 1);
                zeros -= 1 << (kp / 8);
                kp = Math.min(kp + 4, 80);
            }
        }
    }
}
