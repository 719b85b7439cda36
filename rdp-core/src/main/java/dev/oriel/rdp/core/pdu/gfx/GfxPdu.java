package dev.oriel.rdp.core.pdu.gfx;

import dev.oriel.rdp.core.error.DecodeException;
import dev.oriel.rdp.core.wire.Encodable;
import dev.oriel.rdp.core.wire.Wire;
import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;

/**
 * [MS-RDPEGFX] 2.2.1.5 a PDU of the graphics pipeline DVC ({@code Microsoft::Windows::RDS::Graphics}): RDPGFX_HEADER
 * (cmdId (2), flags (2) = 0, pduLength (4, including the header)) then the body. One DVC message may hold several
 * PDUs back to back; server-to-client messages are additionally wrapped in RDP8 bulk compression segments
 * ({@link ZgfxSegments}), client-to-server ones are not (protocol map §6.1).
 */
public sealed interface GfxPdu extends Encodable permits CapsAdvertise, CapsConfirm, ResetGraphics, CreateSurface,
        DeleteSurface, MapSurfaceToOutput, StartFrame, EndFrame, FrameAcknowledge, QoeFrameAcknowledge, SolidFill,
        WireToSurface1, SurfaceToSurface, SurfaceToCache, CacheToSurface, EvictCacheEntry, CacheImportOffer,
        CacheImportReply, MapSurfaceToWindow, MapSurfaceToScaledOutput, MapSurfaceToScaledWindow, WireToSurface2,
        DeleteEncodingContext {

    String NAME = "GfxPdu";
    int HEADER_SIZE = 8;

    int WIRETOSURFACE_1 = 0x0001;
    int WIRETOSURFACE_2 = 0x0002;
    int DELETEENCODINGCONTEXT = 0x0003;
    int SOLIDFILL = 0x0004;
    int SURFACETOSURFACE = 0x0005;
    int SURFACETOCACHE = 0x0006;
    int CACHETOSURFACE = 0x0007;
    int EVICTCACHEENTRY = 0x0008;
    int CREATESURFACE = 0x0009;
    int DELETESURFACE = 0x000A;
    int STARTFRAME = 0x000B;
    int ENDFRAME = 0x000C;
    int FRAMEACKNOWLEDGE = 0x000D;
    int RESETGRAPHICS = 0x000E;
    int MAPSURFACETOOUTPUT = 0x000F;
    int CACHEIMPORTOFFER = 0x0010;
    int CACHEIMPORTREPLY = 0x0011;
    int CAPSADVERTISE = 0x0012;
    int CAPSCONFIRM = 0x0013;
    int MAPSURFACETOWINDOW = 0x0015;
    int QOEFRAMEACKNOWLEDGE = 0x0016;
    int MAPSURFACETOSCALEDOUTPUT = 0x0017;
    int MAPSURFACETOSCALEDWINDOW = 0x0018;

    /** Pixel formats of surfaces and codec payloads ([MS-RDPEGFX] 2.2.1.4). */
    int PIXEL_FORMAT_XRGB_8888 = 0x20;
    int PIXEL_FORMAT_ARGB_8888 = 0x21;

    int cmdId();

    /** Bytes after the 8-byte header. */
    int bodySize();

    void encodeBody(ByteBuf dst);

    @Override
    default int size() {
        return HEADER_SIZE + bodySize();
    }

    @Override
    default void encode(ByteBuf dst) {
        dst.writeShortLE(cmdId());
        dst.writeShortLE(0);
        dst.writeIntLE(size());
        encodeBody(dst);
    }

    /** Reads one PDU, consuming exactly pduLength bytes; the body must be used up. */
    static GfxPdu decode(ByteBuf src) {
        Wire.ensureReadable(src, HEADER_SIZE, NAME);
        int cmdId = src.readUnsignedShortLE();
        src.skipBytes(2); // flags: reserved
        long length = src.readUnsignedIntLE();
        if (length < HEADER_SIZE) {
            throw DecodeException.invalidField(NAME, "pduLength", "smaller than the header: " + length);
        }
        ByteBuf body = Wire.readSlice(src, length - HEADER_SIZE, NAME, "pduLength");
        GfxPdu pdu = switch (cmdId) {
            case WIRETOSURFACE_1 -> WireToSurface1.decodeBody(body);
            case WIRETOSURFACE_2 -> WireToSurface2.decodeBody(body);
            case DELETEENCODINGCONTEXT -> DeleteEncodingContext.decodeBody(body);
            case SOLIDFILL -> SolidFill.decodeBody(body);
            case SURFACETOSURFACE -> SurfaceToSurface.decodeBody(body);
            case SURFACETOCACHE -> SurfaceToCache.decodeBody(body);
            case CACHETOSURFACE -> CacheToSurface.decodeBody(body);
            case EVICTCACHEENTRY -> EvictCacheEntry.decodeBody(body);
            case CACHEIMPORTOFFER -> CacheImportOffer.decodeBody(body);
            case CACHEIMPORTREPLY -> CacheImportReply.decodeBody(body);
            case CREATESURFACE -> CreateSurface.decodeBody(body);
            case DELETESURFACE -> DeleteSurface.decodeBody(body);
            case STARTFRAME -> StartFrame.decodeBody(body);
            case ENDFRAME -> EndFrame.decodeBody(body);
            case FRAMEACKNOWLEDGE -> FrameAcknowledge.decodeBody(body);
            case RESETGRAPHICS -> ResetGraphics.decodeBody(body);
            case MAPSURFACETOOUTPUT -> MapSurfaceToOutput.decodeBody(body);
            case CAPSADVERTISE -> CapsAdvertise.decodeBody(body);
            case CAPSCONFIRM -> CapsConfirm.decodeBody(body);
            case QOEFRAMEACKNOWLEDGE -> QoeFrameAcknowledge.decodeBody(body);
            case MAPSURFACETOWINDOW -> MapSurfaceToWindow.decodeBody(body);
            case MAPSURFACETOSCALEDOUTPUT -> MapSurfaceToScaledOutput.decodeBody(body);
            case MAPSURFACETOSCALEDWINDOW -> MapSurfaceToScaledWindow.decodeBody(body);
            default -> throw DecodeException.unexpectedMessageType(NAME, cmdId);
        };
        Wire.ensureFullyConsumed(body, pdu.name());
        return pdu;
    }

    /** Every PDU of one (decompressed) DVC message. */
    static List<GfxPdu> decodeAll(ByteBuf src) {
        List<GfxPdu> out = new ArrayList<>();
        while (src.isReadable()) {
            out.add(decode(src));
        }
        return out;
    }
}
