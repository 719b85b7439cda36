package dev.oriel.rdp.core.error;

/**
 * Bytes from the peer do not form the expected structure. The one error type every {@code decode} throws.
 *
 * <p>Stackless by default (see {@link RdpException}); the {@link #pdu()} and {@link #error()} say which PDU
 * and field was wrong.
 */
public final class DecodeException extends RdpException {
    private static final long serialVersionUID = 1L;

    private final transient DecodeError error;

    public DecodeException(String pdu, DecodeError error) {
        this(pdu, error, null);
    }

    public DecodeException(String pdu, DecodeError error, Throwable cause) {
        super(pdu, error.describe(), cause, STACK_TRACES);
        this.error = error;
    }

    /** The PDU (structure) name whose decoding failed. */
    public String pdu() {
        return context();
    }

    /** What was wrong. */
    public DecodeError error() {
        return error;
    }

    public static DecodeException notEnoughBytes(String pdu, long received, long expected) {
        return new DecodeException(pdu, new DecodeError.NotEnoughBytes(received, expected));
    }

    public static DecodeException invalidField(String pdu, String field, String reason) {
        return new DecodeException(pdu, new DecodeError.InvalidField(field, reason));
    }

    public static DecodeException unexpectedMessageType(String pdu, long got) {
        return new DecodeException(pdu, new DecodeError.UnexpectedMessageType(got));
    }

    public static DecodeException unsupportedVersion(String pdu, long got) {
        return new DecodeException(pdu, new DecodeError.UnsupportedVersion(got));
    }

    public static DecodeException unsupportedValue(String pdu, String field, String value) {
        return new DecodeException(pdu, new DecodeError.UnsupportedValue(field, value));
    }

    public static DecodeException limitExceeded(String pdu, String field, long value, long limit) {
        return new DecodeException(pdu, new DecodeError.LimitExceeded(field, value, limit));
    }

    public static DecodeException trailingBytes(String pdu, long remaining) {
        return new DecodeException(pdu, new DecodeError.TrailingBytes(remaining));
    }
}
