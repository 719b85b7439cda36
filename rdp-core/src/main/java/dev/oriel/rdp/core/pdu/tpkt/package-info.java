/** TPKT framing (RFC 1006), the outermost layer of every slow-path RDP frame. Pure. */
package dev.oriel.rdp.core.pdu.tpkt;
