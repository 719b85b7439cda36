package dev.oriel.rdp.core.error;

/**
 * An outgoing structure cannot be encoded: a value does not fit its wire field. This is Oriel's bug or an
 * invalid value from the embedding application, never the peer's fault, so it keeps its stack trace.
 */
public final class EncodeException extends RdpException {
    private static final long serialVersionUID = 1L;

    public EncodeException(String pdu, String message) {
        super(pdu, message, null, true);
    }

    public static EncodeException valueTooLarge(String pdu, String field, long value, long max) {
        return new EncodeException(pdu, field + " " + value + " does not fit (max " + max + ")");
    }
}
