/** Capability sets of Demand Active / Confirm Active ([MS-RDPBCGR] 2.2.7, [MS-RDPERP] 2.2.1.1). Pure. */
package dev.oriel.rdp.core.pdu.capability;
