package dev.oriel.rdp.core.api;

import dev.oriel.rdp.core.security.TlsIdentities;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * The server's TLS identity: a private key and its certificate chain (leaf first).
 *
 * <p>Create one with {@link #fromPem}, {@link #fromPkcs12}, or {@link #selfSigned(Path)}, which generates a
 * certificate on first use and persists it (mode 0600) so clients that pin it see the same one next time.
 */
public record TlsIdentity(PrivateKey privateKey, List<X509Certificate> certificateChain) {

    public TlsIdentity {
        Objects.requireNonNull(privateKey, "privateKey");
        certificateChain = List.copyOf(certificateChain);
        if (certificateChain.isEmpty()) {
            throw new IllegalArgumentException("certificateChain is empty");
        }
    }

    /** Loads a PEM certificate chain (leaf first) and an unencrypted PEM private key (PKCS#8, PKCS#1 or SEC1). */
    public static TlsIdentity fromPem(Path certificateChainPem, Path privateKeyPem) {
        return TlsIdentities.loadPem(certificateChainPem, privateKeyPem);
    }

    /** Loads the first key entry of a PKCS#12 keystore. */
    public static TlsIdentity fromPkcs12(Path keystore, char[] password) {
        return TlsIdentities.loadPkcs12(keystore, password);
    }

    /**
     * Loads the self-signed identity persisted in {@code stateDirectory}, generating and persisting a new one
     * (RSA 2048, SHA-256, subject alternative names for localhost and this host) when there is none.
     */
    public static TlsIdentity selfSigned(Path stateDirectory) {
        return TlsIdentities.loadOrCreateSelfSigned(stateDirectory);
    }

    /** The leaf certificate. */
    public X509Certificate certificate() {
        return certificateChain.get(0);
    }

    /** SHA-256 fingerprint of the leaf certificate, colon-separated upper-case hex (as clients display it). */
    public String fingerprintSha256() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate().getEncoded());
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "TlsIdentity[subject=" + certificate().getSubjectX500Principal().getName() + ", sha256="
                + fingerprintSha256() + "]";
    }
}
