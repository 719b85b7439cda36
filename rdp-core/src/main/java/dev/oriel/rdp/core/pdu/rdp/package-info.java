/**
 * Share-level RDP PDUs: Client Info, licensing shortcut, Demand/Confirm Active, Deactivate All, data PDUs
 * (finalization, Set Error Info, shutdown, Suppress Output, Refresh Rect, slow-path input) ([MS-RDPBCGR] 2.2.1.11–
 * 2.2.1.22, 2.2.2, 2.2.3, 2.2.5, 2.2.8.1.1, 2.2.11). Pure.
 */
package dev.oriel.rdp.core.pdu.rdp;
