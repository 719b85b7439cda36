package dev.oriel.rdp.core.api;

/** Pointers the client draws itself ([MS-RDPBCGR] 2.2.9.1.1.4.3). */
public enum SystemPointer {
    /** The client's default arrow. */
    DEFAULT,
    /** No pointer at all. */
    HIDDEN
}
