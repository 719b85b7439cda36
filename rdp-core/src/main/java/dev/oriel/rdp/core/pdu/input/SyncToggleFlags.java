package dev.oriel.rdp.core.pdu.input;

/** toggleFlags of synchronize events ([MS-RDPBCGR] 2.2.8.1.1.3.1.1.5). */
public final class SyncToggleFlags {
    public static final int TS_SYNC_SCROLL_LOCK = 0x01;
    public static final int TS_SYNC_NUM_LOCK = 0x02;
    public static final int TS_SYNC_CAPS_LOCK = 0x04;
    public static final int TS_SYNC_KANA_LOCK = 0x08;

    private SyncToggleFlags() {
    }
}
