package dev.oriel.rdp.testkit.x11;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The X11 command-line tools ({@code xdotool}, {@code xwininfo}, {@code xprop}) bound to one {@link Xvfb} display.
 *
 * <p>Window ids are X resource ids as {@code long}s, as {@code xdotool search} prints them. Every command runs with
 * a timeout; a non-zero exit raises a {@link CommandException} carrying the command line, exit code and stderr.
 * Keyboard and pointer input goes through the XTEST extension, so the receiving client sees real (non-synthetic)
 * events: xfreerdp forwards those to the server exactly as it would forward a user's input.
 *
 * <p>There is no window manager on the display, so {@link #focus} must be used instead of activation, and a
 * window's position is exactly what {@link #moveWindow} set (or what the client chose).
 */
public final class X11Tools {
    /** Timeout for each command unless another one is given to the constructor. */
    public static final Duration DEFAULT_COMMAND_TIMEOUT = Duration.ofSeconds(15);

    /** Delay between key events for {@link #type} and {@link #key}, in milliseconds. */
    public static final int KEY_DELAY_MILLIS = 30;

    private static final Pattern ABSOLUTE_X = Pattern.compile("Absolute upper-left X:\\s+(-?\\d+)");
    private static final Pattern ABSOLUTE_Y = Pattern.compile("Absolute upper-left Y:\\s+(-?\\d+)");
    private static final Pattern WIDTH = Pattern.compile("^\\s*Width:\\s+(\\d+)", Pattern.MULTILINE);
    private static final Pattern HEIGHT = Pattern.compile("^\\s*Height:\\s+(\\d+)", Pattern.MULTILINE);
    private static final Pattern BORDER = Pattern.compile("Border width:\\s+(\\d+)");

    private final Xvfb xvfb;
    private final Duration commandTimeout;
    private final Map<String, String> environment;

    /** Tools for {@code xvfb}'s display with {@link #DEFAULT_COMMAND_TIMEOUT}. */
    public X11Tools(Xvfb xvfb) {
        this(xvfb, DEFAULT_COMMAND_TIMEOUT);
    }

    /** Tools for {@code xvfb}'s display; each command is stopped and fails after {@code commandTimeout}. */
    public X11Tools(Xvfb xvfb, Duration commandTimeout) {
        this.xvfb = xvfb;
        this.commandTimeout = commandTimeout;
        Map<String, String> env = new HashMap<>(xvfb.environment());
        // The C locale makes xprop print every non-ASCII byte as an octal escape, which windowName() decodes as
        // UTF-8; in a UTF-8 locale xprop converts (and for STRING properties, mangles) text by itself.
        env.put("LC_ALL", "C");
        this.environment = Map.copyOf(env);
    }

    /** The display these tools talk to, {@code ":N"}. */
    public String display() {
        return xvfb.display();
    }

    /**
     * Runs an arbitrary command against this display ({@code DISPLAY} set) and requires exit status 0.
     *
     * @throws CommandException when it fails, times out or exits with a non-zero status
     */
    public CommandResult run(String... command) {
        return Commands.runChecked(environment, commandTimeout, List.of(command));
    }

    /**
     * Starts an X client (e.g. {@code xlogo}, {@code xev}) on this display; close it when the test is done.
     *
     * @throws CommandException when it cannot be started
     */
    public BackgroundProcess startClient(String... command) {
        return BackgroundProcess.start(environment, List.of(command));
    }

    /**
     * Windows matching {@code xdotool search ARGS}, e.g. {@code "--class", "^xfreerdp$"} or
     * {@code "--classname", "^RAIL$"} or {@code "--name", "FreeRDP"}. Patterns are regular expressions.
     *
     * @return the matching window ids in xdotool's order; empty (not an exception) when nothing matches
     */
    public List<Long> searchWindows(String... xdotoolSearchArgs) {
        List<String> command = new ArrayList<>(List.of("xdotool", "search"));
        command.addAll(Arrays.asList(xdotoolSearchArgs));
        CommandResult result = Commands.run(environment, commandTimeout, command);
        // xdotool exits with 1 and prints nothing when no window matches; anything else with a failure is an error.
        if (!result.succeeded() && !(result.exitCode() == 1 && result.stdout().isBlank()
                && result.stderr().isBlank())) {
            throw CommandException.failed(result);
        }
        List<Long> windows = new ArrayList<>();
        for (String line : result.stdout().split("\n")) {
            if (!line.isBlank()) {
                windows.add(Long.parseLong(line.strip()));
            }
        }
        return List.copyOf(windows);
    }

    /**
     * Waits until {@code xdotool search ARGS} finds a window and returns the first one found.
     *
     * @throws org.opentest4j.AssertionFailedError when no window appears within {@code timeout}
     */
    public long awaitWindow(Duration timeout, String... xdotoolSearchArgs) {
        return Poll.awaitValue(timeout, "a window matching xdotool search " + String.join(" ", xdotoolSearchArgs),
                () -> searchWindows(xdotoolSearchArgs).stream().findFirst());
    }

    /**
     * The window's drawable area in root-window coordinates, from {@code xwininfo -id}.
     *
     * <p>xwininfo's "Absolute upper-left" is the outer corner of the window's border; the rectangle returned here
     * starts inside the border, so it is exactly the area whose pixels the client draws (and {@link #screenshot}
     * crops). For the border-less windows of xfreerdp both are the same; for a window with border width b moved to
     * (x, y), this returns (x + b, y + b).
     */
    public Rectangle geometry(long window) {
        String info = run("xwininfo", "-id", windowId(window)).stdout();
        int border = intField(BORDER, info, window);
        return new Rectangle(intField(ABSOLUTE_X, info, window) + border, intField(ABSOLUTE_Y, info, window) + border,
                intField(WIDTH, info, window), intField(HEIGHT, info, window));
    }

    /**
     * The value of property {@code atom} as {@code xprop -notype} prints it (the text after {@code " = "}, or after
     * the colon for multi-line values such as {@code WM_NORMAL_HINTS}), e.g. {@code "xlogo", "XLogo"} for
     * {@code WM_CLASS}. Non-ASCII bytes of strings appear as octal escapes ({@code \303\251}).
     *
     * @return the value, or {@code null} when the window has no such property
     */
    public String property(long window, String atom) {
        String out = run("xprop", "-notype", "-id", windowId(window), atom).stdout();
        String text = out.endsWith("\n") ? out.substring(0, out.length() - 1) : out;
        if (!text.startsWith(atom)) {
            throw new IllegalStateException("Unexpected xprop output for " + atom + ": " + out);
        }
        String rest = text.substring(atom.length());
        if (rest.startsWith(" = ")) {
            return rest.substring(3);
        }
        String detail = rest.startsWith(":") ? rest.substring(1).strip() : rest.strip();
        // xprop's words for "this window has no such property" and "no window has such an atom".
        if (detail.equals("not found.") || detail.equals("no such atom on any window.")) {
            return null;
        }
        return detail;
    }

    /**
     * The window title: {@code _NET_WM_NAME} (what xfreerdp sets from the RemoteApp window order), falling back to
     * the ICCCM {@code WM_NAME}; {@code null} when the window has neither. The raw bytes are decoded as UTF-8.
     */
    public String windowName(long window) {
        String value = property(window, "_NET_WM_NAME");
        if (value == null) {
            value = property(window, "WM_NAME");
        }
        return value == null ? null : decodeXpropString(value);
    }

    /** Gives {@code window} the keyboard focus and waits until the server reports it ({@code windowfocus --sync}). */
    public void focus(long window) {
        run("xdotool", "windowfocus", "--sync", windowId(window));
    }

    /** Types {@code text} into the focused window through XTEST, one key event every {@value #KEY_DELAY_MILLIS} ms. */
    public void type(String text) {
        // "--" so that text starting with '-' is typed rather than parsed as an option.
        run("xdotool", "type", "--delay", Integer.toString(KEY_DELAY_MILLIS), "--", text);
    }

    /** Presses and releases a key or chord by X keysym name, e.g. {@code Return}, {@code ctrl+c}, {@code F5}. */
    public void key(String keysym) {
        run("xdotool", "key", "--delay", Integer.toString(KEY_DELAY_MILLIS), "--", keysym);
    }

    /** Moves the pointer to ({@code x}, {@code y}) relative to the window's top-left corner. */
    public void mouseMove(long window, int x, int y) {
        run("xdotool", "mousemove", "--window", windowId(window), Integer.toString(x), Integer.toString(y));
    }

    /** Clicks {@code button} (1 left, 2 middle, 3 right, 4/5 wheel) where the pointer is. */
    public void click(int button) {
        run("xdotool", "click", Integer.toString(button));
    }

    /** Presses {@code button} where the pointer is, without releasing it. */
    public void mouseDown(int button) {
        run("xdotool", "mousedown", Integer.toString(button));
    }

    /** Releases {@code button}. */
    public void mouseUp(int button) {
        run("xdotool", "mouseup", Integer.toString(button));
    }

    /**
     * Moves the window's outer corner to ({@code x}, {@code y}) in root coordinates. Returns when the request was
     * sent; the client may react to the move (xfreerdp tells the server), so poll {@link #geometry} for the result.
     */
    /**
     * Asks a window to close the way a window manager's close button does: a {@code WM_PROTOCOLS} /
     * {@code WM_DELETE_WINDOW} client message. Needs the Debian package python3-xlib (check with
     * {@code InteropSupport.requirePythonModule("Xlib", "python3-xlib")}).
     */
    public void closeWindow(long window) {
        String script = String.join("\n",
                "import sys",
                "from Xlib import X, display, protocol",
                "d = display.Display()",
                "w = d.create_resource_object('window', int(sys.argv[1]))",
                "ev = protocol.event.ClientMessage(window=w, client_type=d.intern_atom('WM_PROTOCOLS'),",
                "    data=(32, [d.intern_atom('WM_DELETE_WINDOW'), X.CurrentTime, 0, 0, 0]))",
                "w.send_event(ev, event_mask=X.NoEventMask)",
                "d.flush()");
        run(InteropSupport.SYSTEM_PYTHON, "-c", script, Long.toString(window));
    }

    public void moveWindow(long window, int x, int y) {
        run("xdotool", "windowmove", windowId(window), Integer.toString(x), Integer.toString(y));
    }

    /** Resizes the window to {@code width}×{@code height}; like {@link #moveWindow}, poll for the result. */
    public void resizeWindow(long window, int width, int height) {
        run("xdotool", "windowsize", windowId(window), Integer.toString(width), Integer.toString(height));
    }

    /** The window's current pixels: the Xvfb screenshot cropped to {@link #geometry} (and to the screen). */
    public BufferedImage screenshot(long window) {
        return xvfb.screenshot(geometry(window));
    }

    /**
     * Polls {@code condition} until it holds.
     *
     * @throws org.opentest4j.AssertionFailedError when it does not hold within {@code timeout}
     */
    public void awaitCondition(Duration timeout, BooleanSupplier condition) {
        Poll.awaitCondition(timeout, "a condition on display " + display(), condition);
    }

    /** Window ids in the hexadecimal form the X tools print and accept. */
    static String windowId(long window) {
        return "0x" + Long.toHexString(window);
    }

    private static int intField(Pattern pattern, String text, long window) {
        Matcher m = pattern.matcher(text);
        if (!m.find()) {
            throw new IllegalStateException("xwininfo output for " + windowId(window) + " lacks '" + pattern
                    + "':\n" + text);
        }
        return Integer.parseInt(m.group(1));
    }

    /**
     * Decodes the first quoted string of an xprop value. xprop escapes {@code "} and {@code \} with a backslash and,
     * in the C locale, every non-printable or non-ASCII byte as {@code \ooo}; the resulting bytes are UTF-8 (for
     * {@code UTF8_STRING}, and in practice for the {@code STRING}s clients put in {@code _NET_WM_NAME}).
     * A value that is not quoted is returned as it is.
     */
    static String decodeXpropString(String value) {
        int start = value.indexOf('"');
        if (start < 0) {
            return value;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int i = start + 1;
        while (i < value.length()) {
            char c = value.charAt(i);
            if (c == '"') {
                break;
            }
            if (c == '\\' && i + 1 < value.length()) {
                char next = value.charAt(i + 1);
                if (isOctalEscape(value, i + 1)) {
                    bytes.write(Integer.parseInt(value.substring(i + 1, i + 4), 8));
                    i += 4;
                    continue;
                }
                if (next == '"' || next == '\\') {
                    bytes.write(next);
                    i += 2;
                    continue;
                }
                if (next == 'n') {
                    bytes.write('\n');
                    i += 2;
                    continue;
                }
            }
            int codePoint = value.codePointAt(i);
            byte[] encoded = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8);
            bytes.write(encoded, 0, encoded.length);
            i += Character.charCount(codePoint);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static boolean isOctalEscape(String s, int at) {
        if (at + 3 > s.length()) {
            return false;
        }
        for (int k = at; k < at + 3; k++) {
            char d = s.charAt(k);
            if (d < '0' || d > '7') {
                return false;
            }
        }
        return true;
    }
}
