package dev.oriel.rdp.core.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oriel.rdp.core.api.PixelBuffer;
import dev.oriel.rdp.core.api.PixelFormat;
import dev.oriel.rdp.core.api.Rect;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Damage tracking: coalescing per tile, the order tiles are taken in, and batches that take a tile once. */
class FramebufferTest {
    static void draw(Framebuffer fb, int value, Rect r) {
        int[] px = new int[fb.width() * fb.height()];
        java.util.Arrays.fill(px, value);
        fb.copyFrom(PixelBuffer.ofInts(px, fb.width(), fb.height(), PixelFormat.XRGB32), List.of(r));
    }

    @Test
    void damageWithinATileCoalescesToItsBoundingBox() {
        Framebuffer fb = new Framebuffer(128, 64);
        draw(fb, 1, new Rect(3, 4, 2, 2));
        draw(fb, 1, new Rect(10, 20, 5, 1));
        assertThat(fb.dirtyTileCount()).isEqualTo(1);
        assertThat(fb.dirtyBounds()).isEqualTo(new Rect(3, 4, 12, 17));
        int[] tile = new int[64 * 64];
        assertThat(fb.takeDirtyTile(tile)).isEqualTo(new Rect(3, 4, 12, 17));
        assertThat(fb.takeDirtyTile(tile)).isNull();
        assertThat(fb.dirtyBounds()).isNull();
    }

    @Test
    void aBatchTakesEachTileOnceEvenWhenItIsDamagedAgainMeanwhile() {
        Framebuffer fb = new Framebuffer(128, 64);
        draw(fb, 1, new Rect(0, 0, 128, 64));
        int[] tile = new int[64 * 64];
        boolean[] batch = new boolean[2];
        assertThat(fb.takeDirtyTile(tile, batch)).isEqualTo(new Rect(0, 0, 64, 64));
        // The application draws into the first tile again while the batch is being collected.
        draw(fb, 2, new Rect(0, 0, 10, 10));
        assertThat(fb.takeDirtyTile(tile, batch)).isEqualTo(new Rect(64, 0, 64, 64));
        assertThat(fb.takeDirtyTile(tile, batch)).as("the re-damaged tile waits for the next batch").isNull();
        assertThat(fb.hasDamage()).isTrue();
        assertThat(batch).containsExactly(true, true);
        // The next batch gets it, with the new pixels.
        assertThat(fb.takeDirtyTile(tile, new boolean[2])).isEqualTo(new Rect(0, 0, 10, 10));
        assertThat(tile[0] & 0xFFFFFF).isEqualTo(2);
        assertThat(fb.hasDamage()).isFalse();
    }
}
