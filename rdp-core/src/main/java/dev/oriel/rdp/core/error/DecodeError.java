package dev.oriel.rdp.core.error;

/**
 * What exactly was wrong with bytes received from the peer; carried by {@link DecodeException}.
 * Field names use the specification's spelling.
 */
public sealed interface DecodeError {

    /** A human-readable description, lower case, no trailing period. */
    String describe();

    /** Fewer bytes remained than the structure needs. */
    record NotEnoughBytes(long received, long expected) implements DecodeError {
        @Override public String describe() {
            return "not enough bytes: received " + received + ", expected " + expected;
        }
    }

    /** A field holds a value that the specification does not allow here. */
    record InvalidField(String field, String reason) implements DecodeError {
        @Override public String describe() {
            return "invalid " + field + ": " + reason;
        }
    }

    /** A message type code that this decoder does not know or does not accept. */
    record UnexpectedMessageType(long got) implements DecodeError {
        @Override public String describe() {
            return "unexpected message type 0x" + Long.toHexString(got);
        }
    }

    /** A version number that is not supported. */
    record UnsupportedVersion(long got) implements DecodeError {
        @Override public String describe() {
            return "unsupported version " + got;
        }
    }

    /** A well-formed value of a field that Oriel does not implement. */
    record UnsupportedValue(String field, String value) implements DecodeError {
        @Override public String describe() {
            return "unsupported " + field + ": " + value;
        }
    }

    /** A peer-declared length or count above a configured or protocol limit. */
    record LimitExceeded(String field, long value, long limit) implements DecodeError {
        @Override public String describe() {
            return field + " " + value + " exceeds limit " + limit;
        }
    }

    /** Bytes left over after a structure whose length is bounded by an outer header. */
    record TrailingBytes(long remaining) implements DecodeError {
        @Override public String describe() {
            return remaining + " unexpected trailing bytes";
        }
    }
}
