package dev.oriel.rdp.core.pdu.capability;

import dev.oriel.rdp.core.wire.Bytes;
import io.netty.buffer.ByteBuf;

/** [MS-RDPBCGR] 2.2.7.1.3 Order Capability Set (TS_ORDER_CAPABILITYSET). */
public record OrderCapabilitySet(Bytes terminalDescriptor, int desktopSaveXGranularity, int desktopSaveYGranularity,
        int maximumOrderLevel, int numberFonts, int orderFlags, Bytes orderSupport, int textFlags,
        int orderSupportExFlags, long desktopSaveSize, int textAnsiCodePage) implements CapabilitySet {

    public static final int BODY_SIZE = 16 /* terminalDescriptor */ + 4 /* pad4octetsA */
            + 2 /* desktopSaveXGranularity */ + 2 /* desktopSaveYGranularity */ + 2 /* pad2octetsA */
            + 2 /* maximumOrderLevel */ + 2 /* numberFonts */ + 2 /* orderFlags */ + 32 /* orderSupport */
            + 2 /* textFlags */ + 2 /* orderSupportExFlags */ + 4 /* pad4octetsB */ + 4 /* desktopSaveSize */
            + 2 /* pad2octetsC */ + 2 /* pad2octetsD */ + 2 /* textANSICodePage */ + 2 /* pad2octetsE */;

    public static final int NEGOTIATEORDERSUPPORT = 0x0002;
    public static final int ZEROBOUNDSDELTASUPPORT = 0x0008;
    public static final int COLORINDEXSUPPORT = 0x0020;
    public static final int ORD_LEVEL_1_ORDERS = 1;

    public OrderCapabilitySet {
        if (terminalDescriptor.length() != 16 || orderSupport.length() != 32) {
            throw new IllegalArgumentException("terminalDescriptor must be 16 bytes and orderSupport 32 bytes");
        }
    }

    /** The server's set: no primary drawing orders (Oriel sends bitmaps), as FreeRDP's server does by default. */
    public static OrderCapabilitySet server() {
        return new OrderCapabilitySet(Bytes.of(new byte[16]), 1, 20, ORD_LEVEL_1_ORDERS, 0,
                NEGOTIATEORDERSUPPORT | ZEROBOUNDSDELTASUPPORT | COLORINDEXSUPPORT, Bytes.of(new byte[32]), 0, 0,
                480 * 480, 0);
    }

    static OrderCapabilitySet decodeBody(ByteBuf src) {
        Bytes terminal = Bytes.read(src, 16);
        src.skipBytes(4);
        int saveX = src.readUnsignedShortLE();
        int saveY = src.readUnsignedShortLE();
        src.skipBytes(2);
        int level = src.readUnsignedShortLE();
        int fonts = src.readUnsignedShortLE();
        int flags = src.readUnsignedShortLE();
        Bytes support = Bytes.read(src, 32);
        int textFlags = src.readUnsignedShortLE();
        int exFlags = src.readUnsignedShortLE();
        src.skipBytes(4);
        long saveSize = src.readUnsignedIntLE();
        src.skipBytes(4);
        int codePage = src.readUnsignedShortLE();
        src.skipBytes(2);
        return new OrderCapabilitySet(terminal, saveX, saveY, level, fonts, flags, support, textFlags, exFlags, saveSize,
                codePage);
    }

    @Override
    public int type() {
        return CAPSTYPE_ORDER;
    }

    @Override
    public void encodeBody(ByteBuf dst) {
        terminalDescriptor.writeTo(dst);
        dst.writeIntLE(0);
        dst.writeShortLE(desktopSaveXGranularity);
        dst.writeShortLE(desktopSaveYGranularity);
        dst.writeShortLE(0);
        dst.writeShortLE(maximumOrderLevel);
        dst.writeShortLE(numberFonts);
        dst.writeShortLE(orderFlags);
        orderSupport.writeTo(dst);
        dst.writeShortLE(textFlags);
        dst.writeShortLE(orderSupportExFlags);
        dst.writeIntLE(0);
        dst.writeIntLE((int) desktopSaveSize);
        dst.writeIntLE(0);
        dst.writeShortLE(textAnsiCodePage);
        dst.writeShortLE(0);
    }

    @Override
    public int bodySize() {
        return BODY_SIZE;
    }

    @Override
    public String name() {
        return "OrderCapabilitySet";
    }
}
