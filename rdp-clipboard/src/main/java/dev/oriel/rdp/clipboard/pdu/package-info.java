/**
 * [MS-RDPECLIP] 2.2 the PDUs of the {@code cliprdr} static channel as records. Entry point
 * {@link dev.oriel.rdp.clipboard.pdu.CliprdrPdu#decode}.
 */
package dev.oriel.rdp.clipboard.pdu;
