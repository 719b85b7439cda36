/** Output update bodies: bitmap updates and pointer updates ([MS-RDPBCGR] 2.2.9.1.1.3, 2.2.9.1.1.4). Pure. */
package dev.oriel.rdp.core.pdu.update;
