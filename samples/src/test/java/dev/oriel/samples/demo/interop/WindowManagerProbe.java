package dev.oriel.samples.demo.interop;

import dev.oriel.rdp.testkit.x11.BackgroundProcess;
import dev.oriel.rdp.testkit.x11.InteropSupport;
import dev.oriel.rdp.testkit.x11.Poll;
import dev.oriel.rdp.testkit.x11.X11Tools;
import java.time.Duration;

/**
 * Stands in for the window manager a bare Xvfb lacks, without managing windows (positions stay exactly what the
 * client asks for):
 * <ul>
 * <li>it publishes on the root what an EWMH window manager publishes ({@code _NET_SUPPORTING_WM_CHECK},
 * {@code _NET_SUPPORTED} listing {@code _NET_WM_STATE}), as on every desktop. xfreerdp 2.11 only knows the
 * {@code _NET_WM_STATE} atom when a window manager lists it, and otherwise dies with BadAtom (X_ChangeProperty) the
 * first time it marks a dialog or menu window skip-taskbar ({@code xf_SetWindowUnlisted}). The process stays
 * connected because the X server resets, and forgets root properties, when its last client leaves;</li>
 * <li>it watches the root for WM_CHANGE_STATE requests (what XIconifyWindow sends, ICCCM 4.1.4);</li>
 * <li>it sets WM_STATE on a window the way a window manager does when it iconifies or restores it (ICCCM
 * 4.1.3.1).</li>
 * </ul>
 * Selecting SubstructureNotify on the root does not make this a window manager.
 */
final class WindowManagerProbe implements AutoCloseable {
    private static final String WATCH = String.join("\n",
            "import sys",
            "from Xlib import X, Xatom, display",
            "d = display.Display()",
            "root = d.screen().root",
            "names = ['_NET_WM_STATE', '_NET_WM_STATE_SKIP_TASKBAR', '_NET_WM_STATE_SKIP_PAGER',",
            "         '_NET_WM_STATE_MAXIMIZED_VERT', '_NET_WM_STATE_MAXIMIZED_HORZ', '_NET_WM_WINDOW_TYPE']",
            "root.change_property(d.intern_atom('_NET_SUPPORTED'), Xatom.ATOM, 32, [d.intern_atom(n) for n in names])",
            "root.change_property(d.intern_atom('_NET_SUPPORTING_WM_CHECK'), Xatom.WINDOW, 32, [root.id])",
            "change_state = d.intern_atom('WM_CHANGE_STATE')",
            "root.change_attributes(event_mask=X.SubstructureNotifyMask)",
            "d.sync()",
            "print('ready', flush=True)",
            "while True:",
            "    e = d.next_event()",
            "    if e.type == X.ClientMessage and e.client_type == change_state:",
            "        print('change_state %d %d' % (e.window.id, e.data[1][0]), flush=True)");

    private final BackgroundProcess process;

    private WindowManagerProbe(BackgroundProcess process) {
        this.process = process;
    }

    static WindowManagerProbe start(X11Tools x11) {
        WindowManagerProbe probe = new WindowManagerProbe(x11.startClient(InteropSupport.SYSTEM_PYTHON, "-c", WATCH));
        Poll.awaitCondition(Duration.ofSeconds(10), "the WM_CHANGE_STATE probe to start",
                () -> probe.process.output().contains("ready"));
        return probe;
    }

    /** Waits until someone asked the window manager to iconify {@code window} (WM_CHANGE_STATE, IconicState 3). */
    void awaitIconifyRequest(long window, Duration timeout) {
        Poll.awaitCondition(timeout, "a WM_CHANGE_STATE IconicState request for window " + window,
                () -> process.output().contains("change_state " + window + " 3"));
    }

    /** Sets WM_STATE on {@code window}: 1 = NormalState, 3 = IconicState. */
    static void setWmState(X11Tools x11, long window, int state) {
        String script = String.join("\n",
                "import sys",
                "from Xlib import display",
                "d = display.Display()",
                "w = d.create_resource_object('window', int(sys.argv[1]))",
                "a = d.intern_atom('WM_STATE')",
                "w.change_property(a, a, 32, [int(sys.argv[2]), 0])",
                "d.sync()");
        x11.run(InteropSupport.SYSTEM_PYTHON, "-c", script, Long.toString(window), Integer.toString(state));
    }

    @Override
    public void close() {
        process.close();
    }
}
