/** The Display Control dynamic channel ([MS-RDPEDISP]): monitor layouts requested by the client. Pure. */
package dev.oriel.rdp.core.channel.displaycontrol;
