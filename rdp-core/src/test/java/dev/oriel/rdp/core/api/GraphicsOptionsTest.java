package dev.oriel.rdp.core.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oriel.rdp.core.graphics.zgfx.ZgfxCompressor;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class GraphicsOptionsTest {

    @Test
    void bulkHistoryBoundsAreTheCompressors() {
        // The API states them without depending on the codec package; they must not drift apart.
        assertThat(GraphicsOptions.MIN_BULK_HISTORY).isEqualTo(ZgfxCompressor.MIN_HISTORY);
        assertThat(GraphicsOptions.MAX_BULK_HISTORY).isEqualTo(ZgfxCompressor.MAX_HISTORY);
        GraphicsOptions d = GraphicsOptions.defaults();
        assertThat(d.bulkHistory()).isEqualTo(1 << 20);
        new ZgfxCompressor(d.withBulkHistory(GraphicsOptions.MAX_BULK_HISTORY).bulkHistory());
        assertThat(d.withBulkHistory(GraphicsOptions.MIN_BULK_HISTORY).bulkHistory()).isEqualTo(64 * 1024);
    }

    @Test
    void outOfRangeValuesAreRefused() {
        GraphicsOptions d = GraphicsOptions.defaults();
        assertThatThrownBy(() -> d.withBulkHistory(GraphicsOptions.MIN_BULK_HISTORY - 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bulkHistory");
        assertThatThrownBy(() -> d.withBulkHistory(GraphicsOptions.MAX_BULK_HISTORY + 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bulkHistory");
        assertThatThrownBy(() -> d.withRemoteFxQuant(10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> d.withRefineAfter(Duration.ofMillis(-1))).isInstanceOf(IllegalArgumentException.class);
    }
}
