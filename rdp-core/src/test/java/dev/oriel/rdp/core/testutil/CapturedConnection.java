package dev.oriel.rdp.core.testutil;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oriel.rdp.core.api.DesktopSize;
import dev.oriel.rdp.core.api.Limits;
import dev.oriel.rdp.core.api.SessionDecision;
import dev.oriel.rdp.core.api.SessionListener;
import dev.oriel.rdp.core.connection.Acceptor;
import dev.oriel.rdp.core.connection.AcceptorResult;
import dev.oriel.rdp.core.connection.ServerCapabilitySets;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * The connection a real xfreerdp 2.11 made to Oriel ({@code fixtures/xfreerdp}, provenance in its README), split
 * into frames, and helpers that drive the sans-IO {@link Acceptor} with it.
 */
public final class CapturedConnection {
    /** What the client sent: X.224 request through Font List, then fast-path input. */
    public static final List<byte[]> CLIENT = Frames.split(Fixtures.bytes("xfreerdp/connect-tls-c2s.bin"));
    /** What Oriel sent in that session. */
    public static final byte[] SERVER = Fixtures.bytes("xfreerdp/connect-tls-s2c.bin");
    /** Client frames up to and including the Font List; the rest is input in the active session. */
    public static final int ACTIVATION_FRAMES = 16;

    private CapturedConnection() {
    }

    public static Acceptor acceptor(Limits limits) {
        return new Acceptor(limits, 7, new InetSocketAddress("127.0.0.1", 40000), ServerCapabilitySets.core());
    }

    /** Steps one frame, checks that it was consumed whole, and returns what the acceptor wrote. */
    public static byte[] step(Acceptor a, byte[] frame) {
        ByteBuf in = Unpooled.wrappedBuffer(frame);
        ByteBuf out = Unpooled.buffer();
        try {
            a.step(in, out);
            assertThat(in.readableBytes()).as("frame fully consumed").isZero();
            return ByteBufUtil.getBytes(out);
        } finally {
            in.release();
            out.release();
        }
    }

    /** Admits the pending session with {@code size} and {@code listener}; returns what the acceptor wrote. */
    public static byte[] admit(Acceptor a, DesktopSize size, SessionListener listener) {
        ByteBuf out = Unpooled.buffer();
        try {
            a.admit(new SessionDecision.Accept(size, listener), out);
            return ByteBufUtil.getBytes(out);
        } finally {
            out.release();
        }
    }

    /**
     * Runs the capture through {@code a} up to (excluding) frame {@code end}, completing the TLS switch and admitting
     * with {@code size} and {@code listener} when asked; returns the server's bytes.
     */
    public static byte[] replay(Acceptor a, int end, DesktopSize size, SessionListener listener) {
        List<byte[]> out = new ArrayList<>();
        for (int i = 0; i < end; i++) {
            out.add(advance(a, CLIENT.get(i), size, listener));
        }
        return Frames.join(out);
    }

    /**
     * Steps one frame as the connection handler would: completes a pending TLS switch and admits a pending session
     * with {@code size} and {@code listener}. Returns everything the acceptor wrote.
     */
    public static byte[] advance(Acceptor a, byte[] frame, DesktopSize size, SessionListener listener) {
        byte[] written = step(a, frame);
        if (a.securityUpgradePending()) {
            a.markSecurityUpgradeDone();
        }
        if (a.admissionPending().isPresent()) {
            return Frames.join(List.of(written, admit(a, size, listener)));
        }
        return written;
    }

    /** The result of a whole captured connection sequence, admitted with {@code size} and {@code listener}. */
    public static AcceptorResult accepted(DesktopSize size, SessionListener listener) {
        Acceptor a = acceptor(Limits.defaults());
        replay(a, ACTIVATION_FRAMES, size, listener);
        return a.result();
    }
}
