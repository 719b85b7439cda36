package dev.oriel.rdp.core.error;

/**
 * Base of every exception Oriel throws for protocol-level problems.
 *
 * <p>Every instance names its context: the PDU, sequence or channel in which the problem was found,
 * so a log line alone tells what was wrong ({@code "ClientInfoPdu: invalid cbDomain: exceeds 512 bytes"}).
 *
 * <p>Exceptions caused by untrusted peer input are created without a stack trace (they are expected on
 * the hostile path and the stack adds nothing); set the system property {@code oriel.debug.stackTraces=true}
 * to get them back while debugging.
 */
public abstract class RdpException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** True when the system property {@code oriel.debug.stackTraces} asks for stack traces on peer errors. */
    protected static final boolean STACK_TRACES = Boolean.getBoolean("oriel.debug.stackTraces");

    private final String context;

    protected RdpException(String context, String message, Throwable cause, boolean writableStackTrace) {
        super(context + ": " + message, cause, false, writableStackTrace);
        this.context = context;
    }

    /** The PDU, sequence or channel name in which the problem was found. */
    public String context() {
        return context;
    }
}
