package dev.oriel.rdp.core.error;

/** A well-formed PDU that is not allowed in the current state of a sequence. */
public final class SequenceException extends RdpException {
    private static final long serialVersionUID = 1L;

    public SequenceException(String sequence, String message) {
        super(sequence, message, null, STACK_TRACES);
    }

    /** {@code pdu} arrived while {@code sequence} expected something else. */
    public static SequenceException unexpected(String sequence, String pdu) {
        return new SequenceException(sequence, "unexpected " + pdu);
    }
}
