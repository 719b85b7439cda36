package dev.oriel.rdp.core.graphics.progressive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oriel.rdp.core.api.Rect;
import dev.oriel.rdp.core.testutil.FreeRdpScript;
import io.netty.buffer.Unpooled;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The client's real decoder: FreeRDP's {@code progressive_decompress_ex} (libfreerdp2 2.11, what xfreerdp calls for
 * RDPGFX codec 0x0009), through Python's ctypes, decodes what {@link ProgressiveEncoder} writes to exactly the pixels
 * {@link ProgressiveDecoder} decodes — same reduce-extrapolate synthesis, same dequantisation, and the colour
 * rounding of FreeRDP's SSE2 primitives ({@code RfxColor.Reconstruction.FREERDP_SSE2}, the decoder's default).
 * Skips with a message naming the missing packages unless {@code -Doriel.interop.required=true}.
 *
 * <p>Progressive passes too: a first pass (TILE_FIRST) then every upgrade (TILE_UPGRADE) of the same tiles on one
 * FreeRDP surface context, the pixels compared after every message.
 *
 * <p>FreeRDP 2.11 entry points used (include/freerdp/codec/progressive.h): {@code progressive_context_new(BOOL)},
 * {@code progressive_create_surface_context(ctx, UINT16 surfaceId, UINT32 width, UINT32 height)},
 * {@code progressive_decompress_ex(ctx, const BYTE* src, UINT32 size, BYTE* dst, UINT32 format, UINT32 step,
 * UINT32 x, UINT32 y, REGION16* invalid, UINT16 surfaceId, UINT32 frameId)} (the older
 * {@code progressive_decompress} is the same without frameId, deprecated), {@code progressive_context_free}.
 */
class ProgressiveFreeRdpInteropTest {
    /** Python: libfreerdp2 (argv[1]) loaded with the progressive entry points declared, and BGRA32. */
    static final String PRELUDE = """
            import ctypes, struct, sys
            lib = ctypes.CDLL(sys.argv[1])
            lib.progressive_context_new.restype = ctypes.c_void_p
            lib.progressive_context_new.argtypes = [ctypes.c_int]
            lib.progressive_context_free.argtypes = [ctypes.c_void_p]
            lib.progressive_create_surface_context.restype = ctypes.c_int32
            lib.progressive_create_surface_context.argtypes = [ctypes.c_void_p, ctypes.c_uint16, ctypes.c_uint32,
                ctypes.c_uint32]
            lib.progressive_decompress_ex.restype = ctypes.c_int32
            lib.progressive_decompress_ex.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_uint32,
                ctypes.c_char_p, ctypes.c_uint32, ctypes.c_uint32, ctypes.c_uint32, ctypes.c_uint32, ctypes.c_void_p,
                ctypes.c_uint16, ctypes.c_uint32]
            BGRA32 = (32 << 24) | (4 << 16) | (8 << 12) | (8 << 8) | (8 << 4) | 8
            """;

    /** Decodes each case into BGRA32 (a little-endian 0xAARRGGBB) and compares R, G, B; exit 0 if alike. */
    private static final String CHECK = PRELUDE + """
            data = open(sys.argv[2], 'rb').read()
            ctx = lib.progressive_context_new(0)
            i = count = 0
            surfaces = {}
            while i < len(data):
                sid, w, h, n = struct.unpack('>IIII', data[i:i + 16])
                stream = data[i + 16:i + 16 + n]
                expected = data[i + 16 + n:i + 16 + n + 4 * w * h]
                i += 16 + n + 4 * w * h
                if sid not in surfaces:
                    assert lib.progressive_create_surface_context(ctx, sid, w, h) >= 0
                    surfaces[sid] = ctypes.create_string_buffer(4 * w * h)
                dst = surfaces[sid]
                rc = lib.progressive_decompress_ex(ctx, stream, n, dst, BGRA32, 4 * w, 0, 0, None, sid, count)
                got = bytes(b if k % 4 != 3 else 0 for k, b in enumerate(dst.raw))
                want = bytes(b if k % 4 != 3 else 0 for k, b in enumerate(expected))
                if rc < 0 or got != want:
                    bad = [k // 4 for k in range(len(got)) if got[k] != want[k]]
                    worst = max([abs(got[k] - want[k]) for k in range(len(got))] + [0])
                    print('case %d (surface %d, %dx%d): rc %d, %d pixels differ, first %s, worst %d' % (count, sid,
                        w, h, rc, len(set(bad)), bad[:1], worst))
                    sys.exit(1)
                count += 1
            lib.progressive_context_free(ctx)
            print('decoded %d streams alike' % count)
            """;

    @Test
    void freeRdpDecodesOrielStreamsAsOrielDoes(@TempDir Path dir) throws Exception {
        Path cases = dir.resolve("cases.bin");
        int[] count = {0};
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(cases)))) {
            Case c = new Case(out, count);
            c.add(1, ProgressiveFixtures.bench("tile-ui-64x64.bgra.gz"), 64, 64, null, new ProgressiveEncoder());
            c.add(2, ProgressiveFixtures.bench("tile-photo-64x64.bgra.gz"), 64, 64, null, new ProgressiveEncoder());
            c.add(3, ProgressiveFixtures.bench("desktop-ui-crop-1180-100-300x190.bgra.gz"), 300, 190, null,
                    new ProgressiveEncoder());
            ComponentQuant coarse = ComponentQuant.of(8, 9, 9, 10, 10, 10, 11, 11, 11, 12);
            c.add(4, ProgressiveFixtures.bench("tile-photo-64x64.bgra.gz"), 64, 64, null,
                    new ProgressiveEncoder(coarse));
            int sid = 10;
            for (int[] s : new int[][] {{1, 1}, {5, 3}, {63, 65}, {129, 64}, {200, 131}}) {
                c.add(sid++, ProgressiveFixtures.synthetic(s[0], s[1], s[0] * 31L + s[1]), s[0], s[1], null,
                        new ProgressiveEncoder());
            }
            // Two messages on one surface, the second painting only two rects over the first.
            int[] first = ProgressiveFixtures.synthetic(200, 150, 1);
            int[] second = ProgressiveFixtures.synthetic(200, 150, 2);
            for (int i = 0; i < second.length; i++) {
                second[i] ^= 0x00FF_00FF;
            }
            c.add(20, first, 200, 150, null, new ProgressiveEncoder());
            c.add(20, second, 200, 150, List.of(new Rect(10, 20, 50, 30), new Rect(130, 70, 70, 80)),
                    new ProgressiveEncoder());
            // Streams Oriel's encoder does not write, so that the decoder's other paths are checked too: the
            // classic DWT (region flags 0), sub-band diffing (tiles flagged RFX_TILE_DIFFERENCE add to the
            // previous message's coefficients) and TILE_FIRST with a progressive quantisation table.
            int[] photo = ProgressiveFixtures.bench("tile-photo-64x64.bgra.gz");
            int[] ui = ProgressiveFixtures.bench("tile-ui-64x64.bgra.gz");
            c.addStream(30, 64, 64, classic(ProgressiveFixtures.encode(photo, 64, 64)));
            c.addStream(31, 64, 64, ProgressiveFixtures.encode(photo, 64, 64));
            c.addStream(31, 64, 64, difference(ProgressiveFixtures.encode(ui, 64, 64)));
            c.addStream(32, 200, 131, tileFirst(ProgressiveFixtures.encode(
                    ProgressiveFixtures.synthetic(200, 131, 9), 200, 131)));
            // Progressive passes: a TILE_FIRST message then each TILE_UPGRADE message on the same surface (one
            // FreeRDP surface context across them), compared after every pass.
            Object[][] progressive = {{40, "tile-ui-64x64.bgra.gz", 64, 64}, {41, "tile-photo-64x64.bgra.gz", 64, 64},
                    {42, "desktop-ui-crop-1180-100-300x190.bgra.gz", 300, 190}};
            for (Object[] p : progressive) {
                int w = (Integer) p[2];
                int h = (Integer) p[3];
                addPasses(c, (Integer) p[0], ProgressiveFixtures.bench((String) p[1]), w, h,
                        List.of(new Rect(0, 0, w, h)));
            }
            addPasses(c, 43, ProgressiveFixtures.synthetic(200, 131, 11), 200, 131,
                    List.of(new Rect(10, 20, 50, 30), new Rect(130, 70, 70, 61)));
            addPasses(c, 44, ProgressiveFixtures.synthetic(129, 64, 12), 129, 64, List.of(new Rect(0, 0, 129, 64)));
            // Upgrades after the tile changed: a new first pass over a tile half refined.
            ProgressivePassesTest.Passes again = new ProgressivePassesTest.Passes(new ProgressiveEncoder(), 64, 64);
            List<byte[]> one = again.all(ProgressiveFixtures.bench("tile-photo-64x64.bgra.gz"),
                    List.of(new Rect(0, 0, 64, 64)));
            c.addStream(45, 64, 64, one.get(0));
            c.addStream(45, 64, 64, one.get(1));
            for (byte[] m : again.all(ProgressiveFixtures.bench("tile-ui-64x64.bgra.gz"),
                    List.of(new Rect(0, 0, 64, 64)))) {
                c.addStream(45, 64, 64, m);
            }
        }
        String text = FreeRdpScript.run("FreeRDP progressive interop test", FreeRdpScript.FREERDP2, dir, CHECK,
                cases.toString());
        System.out.print("FreeRDP progressive interop: " + text);
        assertThat(text).contains("decoded " + count[0] + " streams alike");
    }

    /** The first pass and every upgrade pass of the tiles {@code rects} meet, each checked. */
    private static void addPasses(Case c, int sid, int[] px, int w, int h, List<Rect> rects) throws IOException {
        List<byte[]> messages = new ProgressivePassesTest.Passes(new ProgressiveEncoder(), w, h).all(px, rects);
        assertThat(messages).hasSize(4);
        for (byte[] m : messages) {
            c.addStream(sid, w, h, m);
        }
    }

    // Offsets in a stream with headers (SYNC 12, CONTEXT 10, FRAME_BEGIN 12), as ProgressiveEncoder writes it.
    private static final int REGION = 34;

    /** Offset of the first tile block: the region's fixed part, its rects and quant tables. */
    private static int firstTile(byte[] m) {
        int numRects = m[REGION + 7] & 0xFF | (m[REGION + 8] & 0xFF) << 8;
        return REGION + ProgressiveBlocks.REGION_FIXED_SIZE + 8 * numRects + 5 * (m[REGION + 9] & 0xFF);
    }

    private static int u32(byte[] m, int at) {
        return m[at] & 0xFF | (m[at + 1] & 0xFF) << 8 | (m[at + 2] & 0xFF) << 16 | (m[at + 3] & 0xFF) << 24;
    }

    /** The region's tiles coded with the classic DWT instead: RFX_DWT_REDUCE_EXTRAPOLATE cleared. */
    private static byte[] classic(byte[] m) {
        m[REGION + 11] = 0;
        return m;
    }

    /** Every tile flagged RFX_TILE_DIFFERENCE. */
    private static byte[] difference(byte[] m) {
        int end = REGION + u32(m, REGION + 2);
        for (int t = firstTile(m); t < end; t += u32(m, t + 2)) {
            m[t + 13] = ProgressiveBlocks.RFX_TILE_DIFFERENCE;
        }
        return m;
    }

    /**
     * Every TILE_SIMPLE rewritten as a TILE_FIRST of quality 0, with one RFX_PROGRESSIVE_CODEC_QUANT in the region
     * that coarsens Y's LL3 and HL1 and Cb's HH1 by one step each (the bits are then read as having been shifted
     * further).
     */
    private static byte[] tileFirst(byte[] m) {
        java.io.ByteArrayOutputStream tiles = new java.io.ByteArrayOutputStream();
        int regionEnd = REGION + u32(m, REGION + 2);
        for (int t = firstTile(m); t < regionEnd; t += u32(m, t + 2)) {
            int len = u32(m, t + 2);
            byte[] tile = new byte[len + 1];
            System.arraycopy(m, t, tile, 0, 14); // through flags
            tile[14] = 0; // progressiveQuality: index 0
            System.arraycopy(m, t + 14, tile, 15, len - 14);
            tile[0] = (byte) ProgressiveBlocks.WBT_TILE_FIRST;
            tile[1] = (byte) (ProgressiveBlocks.WBT_TILE_FIRST >> 8);
            putU32(tile, 2, len + 1);
            tiles.writeBytes(tile);
        }
        byte[] progQuant = {50, 0x01, 0x00, 0x00, 0x10, 0x00, 0x00, 0x00, 0x00, 0x00, 0x10, 0, 0, 0, 0, 0};
        int head = firstTile(m);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        out.write(m, 0, head);
        out.writeBytes(progQuant);
        out.writeBytes(tiles.toByteArray());
        out.write(m, regionEnd, m.length - regionEnd);
        byte[] r = out.toByteArray();
        r[REGION + 10] = 1; // numProgQuant
        putU32(r, REGION + 2, u32(m, REGION + 2) + progQuant.length + tiles.size() - (regionEnd - head));
        putU32(r, REGION + 14, tiles.size());
        return r;
    }

    private static void putU32(byte[] b, int at, int v) {
        for (int i = 0; i < 4; i++) {
            b[at + i] = (byte) (v >> (8 * i));
        }
    }

    /** Writes cases and keeps one Oriel decoder (and surface) per surface id, as FreeRDP keeps its contexts. */
    private static final class Case {
        private final DataOutputStream out;
        private final int[] count;
        private final java.util.Map<Integer, ProgressiveDecoder> decoders = new java.util.HashMap<>();
        private final java.util.Map<Integer, int[]> surfaces = new java.util.HashMap<>();

        Case(DataOutputStream out, int[] count) {
            this.out = out;
            this.count = count;
        }

        void add(int sid, int[] px, int w, int h, List<Rect> rects, ProgressiveEncoder encoder) throws IOException {
            addStream(sid, w, h, ProgressiveFixtures.encode(encoder, px, w, h,
                    rects == null ? List.of(new Rect(0, 0, w, h)) : rects));
        }

        void addStream(int sid, int w, int h, byte[] stream) throws IOException {
            ProgressiveDecoder decoder = decoders.computeIfAbsent(sid, k -> new ProgressiveDecoder(w, h));
            int[] surface = surfaces.computeIfAbsent(sid, k -> new int[w * h]);
            decoder.decode(Unpooled.wrappedBuffer(stream), surface, w);
            out.writeInt(sid);
            out.writeInt(w);
            out.writeInt(h);
            out.writeInt(stream.length);
            out.write(stream);
            for (int p : surface) {
                out.writeInt(Integer.reverseBytes(p)); // little-endian 0xAARRGGBB: B, G, R, A
            }
            count[0]++;
        }
    }
}
