/**
 * [MS-RDPERP] 2.2.2 the PDUs of the {@code rail} static channel: immutable records with {@code decode} (through
 * {@link dev.oriel.rdp.rail.pdu.RailPdu#decode}), {@code encode} and {@code size}. Pure: no I/O, no state.
 */
package dev.oriel.rdp.rail.pdu;
