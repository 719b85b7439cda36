package dev.oriel.rdp.rail.pdu;

import dev.oriel.rdp.core.error.DecodeException;
import dev.oriel.rdp.core.wire.Encodable;
import dev.oriel.rdp.core.wire.Wire;
import io.netty.buffer.ByteBuf;

/**
 * [MS-RDPERP] 2.2.2 the PDUs of the {@code rail} static channel. Each starts with TS_RAIL_PDU_HEADER
 * ([MS-RDPERP] 2.2.2.1): orderType (2), orderLength (2), where orderLength counts the header too.
 *
 * <p>{@link #decode} handles both directions: the order types are distinct, and which of them a peer may send is
 * for the channel's state machine to decide. Fields that later protocol versions appended are why bytes after the
 * known fields, inside orderLength, are skipped rather than rejected (as FreeRDP and Windows do); bytes missing
 * from a field are always rejected.
 */
public sealed interface RailPdu extends Encodable permits Exec, ExecResult, Activate, SysParam, SysCommand,
        Handshake, HandshakeEx, NotifyEvent, WindowMove, LocalMoveSize, MinMaxInfo, ClientStatus, SysMenu,
        LangBarInfo, GetAppIdRequest, GetAppIdResponse, GetAppIdResponseEx, TaskbarInfo, LanguageImeInfo,
        CompartmentInfo, ZOrderSync, Cloak, PowerDisplayRequest, SnapArrange, TextScaleInfo, CaretBlinkInfo {

    String NAME = "RailPdu";
    int HEADER_SIZE = 4;

    int TS_RAIL_ORDER_EXEC = 0x0001;
    int TS_RAIL_ORDER_ACTIVATE = 0x0002;
    int TS_RAIL_ORDER_SYSPARAM = 0x0003;
    int TS_RAIL_ORDER_SYSCOMMAND = 0x0004;
    int TS_RAIL_ORDER_HANDSHAKE = 0x0005;
    int TS_RAIL_ORDER_NOTIFY_EVENT = 0x0006;
    int TS_RAIL_ORDER_WINDOWMOVE = 0x0008;
    int TS_RAIL_ORDER_LOCALMOVESIZE = 0x0009;
    int TS_RAIL_ORDER_MINMAXINFO = 0x000A;
    int TS_RAIL_ORDER_CLIENTSTATUS = 0x000B;
    int TS_RAIL_ORDER_SYSMENU = 0x000C;
    int TS_RAIL_ORDER_LANGBARINFO = 0x000D;
    int TS_RAIL_ORDER_GET_APPID_REQ = 0x000E;
    int TS_RAIL_ORDER_GET_APPID_RESP = 0x000F;
    int TS_RAIL_ORDER_TASKBARINFO = 0x0010;
    int TS_RAIL_ORDER_LANGUAGEIMEINFO = 0x0011;
    int TS_RAIL_ORDER_COMPARTMENTINFO = 0x0012;
    int TS_RAIL_ORDER_HANDSHAKE_EX = 0x0013;
    int TS_RAIL_ORDER_ZORDER_SYNC = 0x0014;
    int TS_RAIL_ORDER_CLOAK = 0x0015;
    int TS_RAIL_ORDER_POWER_DISPLAY_REQUEST = 0x0016;
    int TS_RAIL_ORDER_SNAP_ARRANGE = 0x0017;
    int TS_RAIL_ORDER_GET_APPID_RESP_EX = 0x0018;
    int TS_RAIL_ORDER_TEXTSCALEINFO = 0x0019;
    int TS_RAIL_ORDER_CARETBLINKINFO = 0x001A;
    int TS_RAIL_ORDER_EXEC_RESULT = 0x0080;

    /** The orderType of this PDU. */
    int orderType();

    /** The body size, without the header. */
    int bodySize();

    /** Writes the body, after the header. */
    void encodeBody(ByteBuf dst);

    @Override
    default int size() {
        return HEADER_SIZE + bodySize();
    }

    @Override
    default void encode(ByteBuf dst) {
        dst.writeShortLE(orderType());
        dst.writeShortLE(size());
        encodeBody(dst);
    }

    /** Reads one RAIL PDU: exactly orderLength bytes are consumed. */
    static RailPdu decode(ByteBuf src) {
        Wire.ensureReadable(src, HEADER_SIZE, NAME);
        int type = src.readUnsignedShortLE();
        int length = src.readUnsignedShortLE();
        if (length < HEADER_SIZE) {
            throw DecodeException.invalidField(NAME, "orderLength", "smaller than the header: " + length);
        }
        ByteBuf body = Wire.readSlice(src, length - HEADER_SIZE, NAME, "orderLength");
        return switch (type) {
            case TS_RAIL_ORDER_EXEC -> Exec.decodeBody(body);
            case TS_RAIL_ORDER_EXEC_RESULT -> ExecResult.decodeBody(body);
            case TS_RAIL_ORDER_ACTIVATE -> Activate.decodeBody(body);
            case TS_RAIL_ORDER_SYSPARAM -> SysParam.decodeBody(body);
            case TS_RAIL_ORDER_SYSCOMMAND -> SysCommand.decodeBody(body);
            case TS_RAIL_ORDER_HANDSHAKE -> Handshake.decodeBody(body);
            case TS_RAIL_ORDER_HANDSHAKE_EX -> HandshakeEx.decodeBody(body);
            case TS_RAIL_ORDER_NOTIFY_EVENT -> NotifyEvent.decodeBody(body);
            case TS_RAIL_ORDER_WINDOWMOVE -> WindowMove.decodeBody(body);
            case TS_RAIL_ORDER_LOCALMOVESIZE -> LocalMoveSize.decodeBody(body);
            case TS_RAIL_ORDER_MINMAXINFO -> MinMaxInfo.decodeBody(body);
            case TS_RAIL_ORDER_CLIENTSTATUS -> ClientStatus.decodeBody(body);
            case TS_RAIL_ORDER_SYSMENU -> SysMenu.decodeBody(body);
            case TS_RAIL_ORDER_LANGBARINFO -> LangBarInfo.decodeBody(body);
            case TS_RAIL_ORDER_GET_APPID_REQ -> GetAppIdRequest.decodeBody(body);
            case TS_RAIL_ORDER_GET_APPID_RESP -> GetAppIdResponse.decodeBody(body);
            case TS_RAIL_ORDER_GET_APPID_RESP_EX -> GetAppIdResponseEx.decodeBody(body);
            case TS_RAIL_ORDER_TASKBARINFO -> TaskbarInfo.decodeBody(body);
            case TS_RAIL_ORDER_LANGUAGEIMEINFO -> LanguageImeInfo.decodeBody(body);
            case TS_RAIL_ORDER_COMPARTMENTINFO -> CompartmentInfo.decodeBody(body);
            case TS_RAIL_ORDER_ZORDER_SYNC -> ZOrderSync.decodeBody(body);
            case TS_RAIL_ORDER_CLOAK -> Cloak.decodeBody(body);
            case TS_RAIL_ORDER_POWER_DISPLAY_REQUEST -> PowerDisplayRequest.decodeBody(body);
            case TS_RAIL_ORDER_SNAP_ARRANGE -> SnapArrange.decodeBody(body);
            case TS_RAIL_ORDER_TEXTSCALEINFO -> TextScaleInfo.decodeBody(body);
            case TS_RAIL_ORDER_CARETBLINKINFO -> CaretBlinkInfo.decodeBody(body);
            default -> throw DecodeException.unexpectedMessageType(NAME, type);
        };
    }
}
