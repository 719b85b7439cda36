/**
 * X.224 Connection Request/Confirm with the RDP negotiation structures, and X.224 Data framing
 * ([MS-RDPBCGR] 2.2.1.1, 2.2.1.2). Pure.
 */
package dev.oriel.rdp.core.pdu.x224;
