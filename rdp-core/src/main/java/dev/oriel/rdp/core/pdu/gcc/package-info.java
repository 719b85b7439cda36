/** GCC (T.124) conference data: the client and server data blocks of [MS-RDPBCGR] 2.2.1.3 and 2.2.1.4. Pure. */
package dev.oriel.rdp.core.pdu.gcc;
