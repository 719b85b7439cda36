package dev.oriel.rdp.core.graphics.gfx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oriel.rdp.core.pdu.gfx.CapsAdvertise;
import dev.oriel.rdp.core.pdu.gfx.FrameAcknowledge;
import dev.oriel.rdp.core.pdu.gfx.GfxCapabilitySet;
import dev.oriel.rdp.core.wire.Bytes;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Choosing the graphics capability set, and frame acknowledgement flow control. */
class GfxNegotiationAndFlowTest {

    @Test
    void theNewestKnownVersionIsChosenWithAvcDeclaredOff() {
        // What xfreerdp 2.11 advertises (protocol map §6.2), here in an unusual order and with an unknown version.
        CapsAdvertise adv = new CapsAdvertise(List.of(
                GfxCapabilitySet.withFlags(GfxCapabilitySet.VERSION_10_7, GfxCapabilitySet.FLAG_AVC_DISABLED),
                GfxCapabilitySet.withFlags(GfxCapabilitySet.VERSION_8, 0),
                GfxCapabilitySet.withFlags(0x000B_0000L, 0),
                GfxCapabilitySet.withFlags(GfxCapabilitySet.VERSION_10_6, 0)));
        GfxCapabilityNegotiation.Choice c = GfxCapabilityNegotiation.choose(adv).orElseThrow();
        assertThat(c.confirm()).isEqualTo(GfxCapabilitySet.withFlags(GfxCapabilitySet.VERSION_10_7,
                GfxCapabilitySet.FLAG_AVC_DISABLED));
        assertThat(c.cacheSlots()).isEqualTo(GfxCapabilityNegotiation.CACHE_SLOTS);
    }

    @Test
    void smallCacheAndThinClientAreHonouredAndAvcIsNeverTurnedOn() {
        GfxCapabilityNegotiation.Choice c = GfxCapabilityNegotiation.choose(new CapsAdvertise(List.of(
                GfxCapabilitySet.withFlags(GfxCapabilitySet.VERSION_8_1, GfxCapabilitySet.FLAG_AVC420_ENABLED
                        | GfxCapabilitySet.FLAG_SMALL_CACHE | GfxCapabilitySet.FLAG_THINCLIENT)))).orElseThrow();
        assertThat(c.confirm().flags()).isEqualTo(GfxCapabilitySet.FLAG_SMALL_CACHE | GfxCapabilitySet.FLAG_THINCLIENT);
        assertThat(c.cacheSlots()).isEqualTo(GfxCapabilityNegotiation.SMALL_CACHE_SLOTS);
        assertThat(c.thinClient()).isTrue();

        GfxCapabilityNegotiation.Choice v101 = GfxCapabilityNegotiation.choose(new CapsAdvertise(List.of(
                new GfxCapabilitySet(GfxCapabilitySet.VERSION_10_1, Bytes.of(new byte[16]))))).orElseThrow();
        assertThat(v101.confirm().data().length()).isEqualTo(16);
        assertThat(GfxCapabilityNegotiation.choose(new CapsAdvertise(List.of(GfxCapabilitySet.withFlags(0x99L, 0)))))
                .isEmpty();
    }

    @Test
    void framesInFlightAreBoundedAndReleasedByAcknowledgements() {
        GfxFrameFlow flow = new GfxFrameFlow(3);
        long f1 = flow.startFrame();
        long f2 = flow.startFrame();
        long f3 = flow.startFrame();
        assertThat(flow.canSend()).isFalse();
        assertThat(flow.inFlight()).isEqualTo(3);
        flow.onAcknowledge(new FrameAcknowledge(0, f1, 1));
        assertThat(flow.inFlight()).isEqualTo(2);
        assertThat(flow.canSend()).isTrue();
        flow.onAcknowledge(new FrameAcknowledge(0, f1, 1)); // a repeat releases nothing
        assertThat(flow.inFlight()).isEqualTo(2);
        flow.onAcknowledge(new FrameAcknowledge(0, 77, 1)); // never sent
        assertThat(flow.inFlight()).isEqualTo(2);
        flow.onAcknowledge(new FrameAcknowledge(0, f3, 3)); // acknowledges f2 as well
        assertThat(flow.inFlight()).isZero();
        assertThat(flow.lastAcknowledged()).isEqualTo(f3);
        assertThat(f2).isEqualTo(f1 + 1);
    }

    @Test
    void aReportedQueueNarrowsTheWindowAndSuspendLiftsIt() {
        GfxFrameFlow flow = new GfxFrameFlow(4);
        long f1 = flow.startFrame();
        flow.onAcknowledge(new FrameAcknowledge(3, f1, 1)); // three frames queued on the client
        flow.startFrame();
        assertThat(flow.canSend()).isFalse(); // window 4 - 3 = 1
        flow.onAcknowledge(new FrameAcknowledge(FrameAcknowledge.SUSPEND_FRAME_ACKNOWLEDGEMENT, f1, 1));
        assertThat(flow.suspended()).isTrue();
        for (int i = 0; i < 10; i++) {
            assertThat(flow.canSend()).isTrue();
            flow.startFrame();
        }
        assertThatThrownBy(() -> new GfxFrameFlow(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
