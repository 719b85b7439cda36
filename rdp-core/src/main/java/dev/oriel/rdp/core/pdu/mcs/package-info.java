/**
 * MCS (T.125) PDUs as RDP uses them: Connect-Initial/Response (BER) and the PER-encoded domain PDUs
 * ([MS-RDPBCGR] 2.2.1.3–2.2.1.9, 2.2.2.3, 2.2.8.1.1.1.1). Pure.
 */
package dev.oriel.rdp.core.pdu.mcs;
