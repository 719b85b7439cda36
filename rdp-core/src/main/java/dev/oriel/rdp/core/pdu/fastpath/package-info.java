/** Fast-path input and output PDUs and fragmentation ([MS-RDPBCGR] 2.2.8.1.2, 2.2.9.1.2). Pure. */
package dev.oriel.rdp.core.pdu.fastpath;
