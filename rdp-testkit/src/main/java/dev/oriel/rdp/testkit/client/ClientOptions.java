package dev.oriel.rdp.testkit.client;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What the test client asks for.
 *
 * @param user               user name of the Client Info PDU
 * @param password           password of the Client Info PDU
 * @param clientName         CS_CORE clientName (at most 15 characters)
 * @param width              requested desktop width
 * @param height             requested desktop height
 * @param colorDepth         32, 24, 16 or 15 (32 advertises 32 bpp support, lower ones do not)
 * @param channels           static channel names to declare in CS_NET
 * @param requestedProtocols X.224 requestedProtocols (SSL = 1)
 * @param infoFlags          extra INFO_* flags (INFO_UNICODE and INFO_MOUSE are always set)
 * @param timeout            deadline for connecting and for each wait
 */
public record ClientOptions(String user, String password, String clientName, int width, int height, int colorDepth,
        List<String> channels, int requestedProtocols, int infoFlags, Duration timeout) {

    public ClientOptions {
        Objects.requireNonNull(user);
        Objects.requireNonNull(password);
        channels = List.copyOf(channels);
        if (colorDepth != 32 && colorDepth != 24 && colorDepth != 16 && colorDepth != 15) {
            throw new IllegalArgumentException("colorDepth must be 32, 24, 16 or 15");
        }
    }

    public static ClientOptions defaults() {
        return new ClientOptions("tester", "secret", "oriel-testkit", 800, 600, 32, List.of("drdynvc"), 1, 0,
                Duration.ofSeconds(20));
    }

    public ClientOptions withUser(String u) {
        return new ClientOptions(u, password, clientName, width, height, colorDepth, channels, requestedProtocols, infoFlags,
                timeout);
    }

    public ClientOptions withSize(int w, int h) {
        return new ClientOptions(user, password, clientName, w, h, colorDepth, channels, requestedProtocols, infoFlags,
                timeout);
    }

    public ClientOptions withColorDepth(int bpp) {
        return new ClientOptions(user, password, clientName, width, height, bpp, channels, requestedProtocols, infoFlags,
                timeout);
    }

    public ClientOptions withChannels(List<String> names) {
        return new ClientOptions(user, password, clientName, width, height, colorDepth, names, requestedProtocols, infoFlags,
                timeout);
    }

    public ClientOptions withRequestedProtocols(int protocols) {
        return new ClientOptions(user, password, clientName, width, height, colorDepth, channels, protocols, infoFlags,
                timeout);
    }

    public ClientOptions withInfoFlags(int flags) {
        return new ClientOptions(user, password, clientName, width, height, colorDepth, channels, requestedProtocols, flags,
                timeout);
    }
}
