package dev.oriel.rdp.core.pdu.rdp;

import dev.oriel.rdp.core.wire.Bytes;
import dev.oriel.rdp.core.wire.Encodable;
import io.netty.buffer.ByteBuf;

/** The body of a data PDU, selected by pduType2 ([MS-RDPBCGR] 2.2.8.1.1.1.2). */
public sealed interface ShareDataBody extends Encodable permits SynchronizePdu, ControlPdu, FontListPdu, FontMapPdu,
        PersistentKeyListPdu, SetErrorInfoPdu, ShutdownRequestPdu, ShutdownDeniedPdu, SuppressOutputPdu, RefreshRectPdu,
        SlowPathInputPdu, FrameAcknowledgePdu, ShareDataPdu.Unknown {

    int PDUTYPE2_UPDATE = 0x02;
    int PDUTYPE2_CONTROL = 0x14;
    int PDUTYPE2_POINTER = 0x1B;
    int PDUTYPE2_INPUT = 0x1C;
    int PDUTYPE2_SYNCHRONIZE = 0x1F;
    int PDUTYPE2_REFRESH_RECT = 0x21;
    int PDUTYPE2_PLAY_SOUND = 0x22;
    int PDUTYPE2_SUPPRESS_OUTPUT = 0x23;
    int PDUTYPE2_SHUTDOWN_REQUEST = 0x24;
    int PDUTYPE2_SHUTDOWN_DENIED = 0x25;
    int PDUTYPE2_SAVE_SESSION_INFO = 0x26;
    int PDUTYPE2_FONTLIST = 0x27;
    int PDUTYPE2_FONTMAP = 0x28;
    int PDUTYPE2_SET_KEYBOARD_INDICATORS = 0x29;
    int PDUTYPE2_BITMAPCACHE_PERSISTENT_LIST = 0x2B;
    int PDUTYPE2_SET_ERROR_INFO_PDU = 0x2F;
    int PDUTYPE2_MONITOR_LAYOUT_PDU = 0x37;
    int PDUTYPE2_FRAME_ACKNOWLEDGE_PDU = 0x38;

    /** pduType2 of this body. */
    default int pduType2() {
        if (this instanceof SynchronizePdu) {
            return PDUTYPE2_SYNCHRONIZE;
        } else if (this instanceof ControlPdu) {
            return PDUTYPE2_CONTROL;
        } else if (this instanceof FontListPdu) {
            return PDUTYPE2_FONTLIST;
        } else if (this instanceof FontMapPdu) {
            return PDUTYPE2_FONTMAP;
        } else if (this instanceof PersistentKeyListPdu) {
            return PDUTYPE2_BITMAPCACHE_PERSISTENT_LIST;
        } else if (this instanceof SetErrorInfoPdu) {
            return PDUTYPE2_SET_ERROR_INFO_PDU;
        } else if (this instanceof ShutdownRequestPdu) {
            return PDUTYPE2_SHUTDOWN_REQUEST;
        } else if (this instanceof ShutdownDeniedPdu) {
            return PDUTYPE2_SHUTDOWN_DENIED;
        } else if (this instanceof SuppressOutputPdu) {
            return PDUTYPE2_SUPPRESS_OUTPUT;
        } else if (this instanceof RefreshRectPdu) {
            return PDUTYPE2_REFRESH_RECT;
        } else if (this instanceof SlowPathInputPdu) {
            return PDUTYPE2_INPUT;
        } else if (this instanceof FrameAcknowledgePdu) {
            return PDUTYPE2_FRAME_ACKNOWLEDGE_PDU;
        }
        return ((ShareDataPdu.Unknown) this).pduType2();
    }

    /** Decodes the rest of {@code src} as a body of {@code pduType2}. */
    static ShareDataBody decode(int pduType2, ByteBuf src) {
        return switch (pduType2) {
            case PDUTYPE2_SYNCHRONIZE -> SynchronizePdu.decode(src);
            case PDUTYPE2_CONTROL -> ControlPdu.decode(src);
            case PDUTYPE2_FONTLIST -> FontListPdu.decode(src);
            case PDUTYPE2_FONTMAP -> FontMapPdu.decode(src);
            case PDUTYPE2_BITMAPCACHE_PERSISTENT_LIST -> new PersistentKeyListPdu(Bytes.read(src, src.readableBytes()));
            case PDUTYPE2_SET_ERROR_INFO_PDU -> SetErrorInfoPdu.decode(src);
            case PDUTYPE2_SHUTDOWN_REQUEST -> new ShutdownRequestPdu();
            case PDUTYPE2_SHUTDOWN_DENIED -> new ShutdownDeniedPdu();
            case PDUTYPE2_SUPPRESS_OUTPUT -> SuppressOutputPdu.decode(src);
            case PDUTYPE2_REFRESH_RECT -> RefreshRectPdu.decode(src);
            case PDUTYPE2_INPUT -> SlowPathInputPdu.decode(src);
            case PDUTYPE2_FRAME_ACKNOWLEDGE_PDU -> FrameAcknowledgePdu.decode(src);
            default -> new ShareDataPdu.Unknown(pduType2, Bytes.read(src, src.readableBytes()));
        };
    }
}
