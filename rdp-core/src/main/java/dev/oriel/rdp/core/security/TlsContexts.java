package dev.oriel.rdp.core.security;

import dev.oriel.rdp.core.api.TlsIdentity;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLException;

/** Builds the server's TLS context: JDK provider, TLS 1.3 and 1.2 only, no client certificates. */
public final class TlsContexts {
    /** Protocols offered to clients; TLS 1.0/1.1 are disabled by the JDK and not offered. */
    public static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};

    private TlsContexts() {
    }

    public static SslContext server(TlsIdentity identity) {
        try {
            return SslContextBuilder
                    .forServer(identity.privateKey(), identity.certificateChain().toArray(new X509Certificate[0]))
                    .sslProvider(SslProvider.JDK)
                    .protocols(PROTOCOLS)
                    .clientAuth(ClientAuth.NONE)
                    .build();
        } catch (SSLException e) {
            throw new IllegalArgumentException("cannot build a TLS context for " + identity + ": " + e.getMessage(), e);
        }
    }
}
