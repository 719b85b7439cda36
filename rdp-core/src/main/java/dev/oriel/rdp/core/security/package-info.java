/**
 * TLS: the server's identity (PEM / PKCS#12 loading, self-signed generation with BouncyCastle, persistence with
 * owner-only permissions) and the Netty {@code SslContext}. Later: CredSSP/NLA. Not pure (files, JSSE).
 */
package dev.oriel.rdp.core.security;
