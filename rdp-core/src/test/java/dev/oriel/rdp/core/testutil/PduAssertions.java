package dev.oriel.rdp.core.testutil;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oriel.rdp.core.error.DecodeException;
import dev.oriel.rdp.core.wire.Encodable;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.HexFormat;
import java.util.function.Function;

/** Golden-byte and rejection assertions shared by every PDU test. */
public final class PduAssertions {
    private PduAssertions() {
    }

    /**
     * Checks both directions: decoding {@code wire} gives {@code expected} and consumes every byte; encoding
     * {@code expected} gives exactly {@code wire}; {@code size()} equals the wire length.
     */
    public static <T extends Encodable> T assertGolden(T expected, byte[] wire, Function<ByteBuf, ? extends T> decoder) {
        T decoded = assertDecodes(wire, decoder);
        assertThat(decoded).as("decoded %s", expected.name()).isEqualTo(expected);
        assertEncodes(expected, wire);
        return decoded;
    }

    /** Decodes {@code wire} and checks that every byte was consumed. */
    public static <T> T assertDecodes(byte[] wire, Function<ByteBuf, ? extends T> decoder) {
        ByteBuf src = Unpooled.wrappedBuffer(wire);
        try {
            T decoded = decoder.apply(src);
            assertThat(src.readableBytes()).as("bytes left after decoding %s", decoded).isZero();
            return decoded;
        } finally {
            src.release();
        }
    }

    /** Encodes {@code pdu} and compares with {@code wire}, showing both as hex on failure. */
    public static void assertEncodes(Encodable pdu, byte[] wire) {
        assertThat(pdu.size()).as("%s.size()", pdu.name()).isEqualTo(wire.length);
        byte[] encoded = pdu.toByteArray();
        assertThat(hex(encoded)).as("encoded %s", pdu.name()).isEqualTo(hex(wire));
    }

    /** Encodes then decodes {@code pdu} and checks the result is equal. */
    public static <T extends Encodable> void assertRoundTrip(T pdu, Function<ByteBuf, ? extends T> decoder) {
        byte[] wire = pdu.toByteArray();
        assertGolden(pdu, wire, decoder);
    }

    /** Decoding {@code wire} must throw a {@link DecodeException}; returns it for further checks. */
    public static DecodeException assertRejected(byte[] wire, Function<ByteBuf, ?> decoder) {
        ByteBuf src = Unpooled.wrappedBuffer(wire);
        try {
            Throwable[] caught = new Throwable[1];
            assertThatThrownBy(() -> decoder.apply(src))
                    .isInstanceOf(DecodeException.class)
                    .satisfies(t -> caught[0] = t);
            return (DecodeException) caught[0];
        } finally {
            src.release();
        }
    }

    /**
     * Every strict prefix of {@code wire} must be rejected with a {@link DecodeException} (truncation anywhere).
     */
    public static void assertEveryTruncationRejected(byte[] wire, Function<ByteBuf, ?> decoder) {
        for (int len = 0; len < wire.length; len++) {
            byte[] prefix = new byte[len];
            System.arraycopy(wire, 0, prefix, 0, len);
            ByteBuf src = Unpooled.wrappedBuffer(prefix);
            try {
                final int l = len;
                assertThatThrownBy(() -> decoder.apply(src))
                        .as("decoding the first %d of %d bytes", l, wire.length)
                        .isInstanceOf(DecodeException.class);
            } finally {
                src.release();
            }
        }
    }

    public static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex.replaceAll("\\s+", ""));
    }

    public static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
