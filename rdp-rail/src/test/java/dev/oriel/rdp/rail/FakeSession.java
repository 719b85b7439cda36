package dev.oriel.rdp.rail;

import dev.oriel.rdp.core.api.CloseReason;
import dev.oriel.rdp.core.api.DesktopSize;
import dev.oriel.rdp.core.api.Frame;
import dev.oriel.rdp.core.api.PointerImage;
import dev.oriel.rdp.core.api.Rect;
import dev.oriel.rdp.core.api.Session;
import dev.oriel.rdp.core.api.SessionInfo;
import dev.oriel.rdp.core.api.SystemPointer;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** A {@link Session} that keeps a copy of the desktop from submitted frames and records what was asked of it. */
final class FakeSession implements Session {
    final SessionInfo info;
    final int width;
    final int height;
    final int[] desktop;
    final List<List<Rect>> frames = new ArrayList<>();
    final List<Object> channels = new ArrayList<>();
    String closedWith;

    FakeSession(int width, int height) {
        this.width = width;
        this.height = height;
        this.desktop = new int[width * height];
        this.info = new SessionInfo(1, new InetSocketAddress("127.0.0.1", 50000), Optional.empty(), Optional.empty(),
                "SSL", "test-client", 2600, new DesktopSize(width, height), 32, 0x409, 4, 0, 12, List.of(),
                List.of("rail"), "user", "", "", "", "", SessionInfo.INFO_RAIL, Optional.empty());
    }

    /** The desktop pixel at (x, y), as the last frames left it. */
    int pixel(int x, int y) {
        return desktop[y * width + x];
    }

    @Override
    public long id() {
        return 1;
    }

    @Override
    public SessionInfo info() {
        return info;
    }

    @Override
    public DesktopSize desktopSize() {
        return new DesktopSize(width, height);
    }

    @Override
    public CompletionStage<Void> submitFrame(Frame frame) {
        frames.add(frame.damage());
        for (Rect r : frame.damage()) {
            for (int y = r.y(); y < r.bottom(); y++) {
                frame.pixels().copyRow(r.x(), y, r.width(), desktop, y * width + r.x());
            }
        }
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void setPointer(PointerImage image) {
    }

    @Override
    public void setSystemPointer(SystemPointer pointer) {
    }

    @Override
    public void movePointer(int x, int y) {
    }

    @Override
    public <T> Optional<T> channel(Class<T> type) {
        return channels.stream().filter(type::isInstance).map(type::cast).findFirst();
    }

    @Override
    public boolean isOpen() {
        return closedWith == null;
    }

    @Override
    public CompletionStage<Void> close(String reason) {
        closedWith = reason;
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletionStage<CloseReason> closeFuture() {
        return new CompletableFuture<>();
    }
}
