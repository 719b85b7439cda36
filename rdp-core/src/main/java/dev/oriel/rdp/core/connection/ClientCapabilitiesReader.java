package dev.oriel.rdp.core.connection;

import dev.oriel.rdp.core.error.SequenceException;
import dev.oriel.rdp.core.pdu.capability.CapabilitySet;
import dev.oriel.rdp.core.pdu.capability.GeneralCapabilitySet;
import dev.oriel.rdp.core.pdu.capability.LargePointerCapabilitySet;
import dev.oriel.rdp.core.pdu.capability.MultifragmentUpdateCapabilitySet;
import dev.oriel.rdp.core.pdu.capability.PointerCapabilitySet;
import dev.oriel.rdp.core.pdu.fastpath.FastPathFragmenter;
import java.util.List;
import java.util.Optional;

/** Reduces the client's Confirm Active capability sets to {@link ClientCapabilities}. */
final class ClientCapabilitiesReader {
    private ClientCapabilitiesReader() {
    }

    static ClientCapabilities read(List<CapabilitySet> sets, dev.oriel.rdp.core.api.DesktopSize size, int colorDepth) {
        Optional<GeneralCapabilitySet> general = CapabilitySet.find(sets, GeneralCapabilitySet.class);
        boolean fastPath = general.map(g -> g.has(GeneralCapabilitySet.FASTPATH_OUTPUT_SUPPORTED)).orElse(false);
        if (!fastPath) {
            // Every current client supports fast-path output; Oriel sends graphics and pointers only that way.
            throw new SequenceException("ConfirmActivePdu", "client does not support fast-path output");
        }
        boolean noHeader = general.map(g -> g.has(GeneralCapabilitySet.NO_BITMAP_COMPRESSION_HDR)).orElse(false);
        boolean refresh = general.map(g -> g.refreshRectSupport() != 0).orElse(false);
        boolean suppress = general.map(g -> g.suppressOutputSupport() != 0).orElse(false);
        // Without the Multifragment Update set the client cannot reassemble fragments at all.
        int maxRequest = CapabilitySet.find(sets, MultifragmentUpdateCapabilitySet.class)
                .map(m -> (int) Math.min(Integer.MAX_VALUE, m.maxRequestSize()))
                .filter(v -> v >= FastPathFragmenter.MAX_FRAGMENT_DATA)
                .orElse(FastPathFragmenter.MAX_FRAGMENT_DATA);
        Optional<PointerCapabilitySet> pointer = CapabilitySet.find(sets, PointerCapabilitySet.class);
        int pointerCache = pointer.map(p -> p.pointerCacheSize().orElse(p.colorPointerCacheSize())).orElse(0);
        int large = CapabilitySet.find(sets, LargePointerCapabilitySet.class)
                .map(LargePointerCapabilitySet::largePointerSupportFlags).orElse(0);
        return new ClientCapabilities(colorDepth, size.width(), size.height(), true, noHeader, maxRequest, pointerCache,
                (large & LargePointerCapabilitySet.LARGE_POINTER_FLAG_96x96) != 0,
                (large & LargePointerCapabilitySet.LARGE_POINTER_FLAG_384x384) != 0, refresh, suppress, sets);
    }
}
