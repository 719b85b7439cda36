/** Slow-path input events and the input flag constants shared with fast-path input ([MS-RDPBCGR] 2.2.8.1.1.3). Pure. */
package dev.oriel.rdp.core.pdu.input;
