/**
 * Wire-level utilities shared by all PDU codecs: {@link dev.oriel.rdp.core.wire.Encodable}, bounds-checked
 * reading ({@link dev.oriel.rdp.core.wire.Wire}), immutable byte values ({@link dev.oriel.rdp.core.wire.Bytes})
 * and frame-length hints. Pure: no I/O.
 */
package dev.oriel.rdp.core.wire;
