package dev.oriel.rdp.rail.pdu;

import static dev.oriel.rdp.core.testutil.PduAssertions.assertDecodes;
import static dev.oriel.rdp.core.testutil.PduAssertions.hex;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The rail PDUs a real xfreerdp 2.11.7 sent to Oriel (provenance in the resource's header): each decodes to exactly
 * these fields, and those without strings re-encode to the client's bytes. The strings differ on purpose: FreeRDP 2.x
 * counts a terminating NUL in the Exec lengths (P-RAIL-5), which Oriel drops when reading and does not send.
 */
class RealClientRailPdusTest {

    static Map<String, byte[]> vectors() throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (InputStream in = RealClientRailPdusTest.class.getResourceAsStream(
                "/vectors/xfreerdp-2.11.7-app-notepad-rail-c2s.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.US_ASCII).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    String[] parts = line.trim().split(" ");
                    out.put(parts[0], hex(parts[1]));
                }
            }
        }
        return out;
    }

    @Test
    void theClientsStartUpAndRequestsDecodeToTheirFields() throws IOException {
        Map<String, byte[]> v = vectors();
        Map<String, RailPdu> expected = new LinkedHashMap<>();
        expected.put("Handshake", new Handshake(0x1DB0));
        expected.put("ClientStatus", new ClientStatus(ClientStatus.TS_RAIL_CLIENTSTATUS_ALLOWLOCALMOVESIZE
                | ClientStatus.TS_RAIL_CLIENTSTATUS_ZORDER_SYNC
                | ClientStatus.TS_RAIL_CLIENTSTATUS_WINDOW_RESIZE_MARGIN_SUPPORTED
                | ClientStatus.TS_RAIL_CLIENTSTATUS_APPBAR_REMOTING_SUPPORTED
                | ClientStatus.TS_RAIL_CLIENTSTATUS_POWER_DISPLAY_REQUEST_SUPPORTED
                | ClientStatus.TS_RAIL_CLIENTSTATUS_BIDIRECTIONAL_CLOAK_SUPPORTED));
        expected.put("SysParamHighContrast", new SysParam(SysParam.SPI_SET_HIGH_CONTRAST,
                new SysParam.Value.HighContrast(0x7E, "")));
        expected.put("SysParamMouseButtonSwap", new SysParam(SysParam.SPI_SET_MOUSE_BUTTON_SWAP,
                new SysParam.Value.Flag(false)));
        expected.put("SysParamKeyboardPref", new SysParam(SysParam.SPI_SET_KEYBOARD_PREF,
                new SysParam.Value.Flag(false)));
        expected.put("SysParamDragFullWindows", new SysParam(SysParam.SPI_SET_DRAG_FULL_WINDOWS,
                new SysParam.Value.Flag(false)));
        expected.put("SysParamKeyboardCues", new SysParam(SysParam.SPI_SET_KEYBOARD_CUES,
                new SysParam.Value.Flag(false)));
        expected.put("SysParamWorkArea", new SysParam(SysParam.SPI_SET_WORK_AREA,
                new SysParam.Value.Rectangle(0, 0, 1280, 1024)));
        expected.put("Exec", new Exec(0, "||notepad", "", ""));
        expected.put("Activate", new Activate(1, true));
        expected.put("WindowMove", new WindowMove(1, new WindowRect(200, 150, 680, 510)));
        expected.put("SysCommandClose", new SysCommand(1, SysCommand.SC_CLOSE));

        assertThat(v.keySet()).containsExactlyElementsOf(expected.keySet());
        for (Map.Entry<String, RailPdu> e : expected.entrySet()) {
            byte[] wire = v.get(e.getKey());
            assertThat(assertDecodes(wire, RailPdu::decode)).as(e.getKey()).isEqualTo(e.getValue());
            if (!e.getKey().equals("Exec")) {
                assertThat(hex(e.getValue().toByteArray())).as("%s re-encoded", e.getKey()).isEqualTo(hex(wire));
            }
        }
    }
}
