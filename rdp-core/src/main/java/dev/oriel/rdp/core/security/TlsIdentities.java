package dev.oriel.rdp.core.security;

import dev.oriel.rdp.core.api.TlsIdentity;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaMiscPEMGenerator;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loading, generating and persisting {@link TlsIdentity} values.
 *
 * <p>BouncyCastle is used only through its lightweight and JCA-helper APIs; no provider is registered globally,
 * so the JDK's providers do the signing and JSSE is unaffected.
 */
public final class TlsIdentities {
    private static final Logger log = LoggerFactory.getLogger(TlsIdentities.class);

    /** File names of the persisted self-signed identity inside the state directory. */
    public static final String CERT_FILE = "server-cert.pem";
    public static final String KEY_FILE = "server-key.pem";

    static final Duration SELF_SIGNED_VALIDITY = Duration.ofDays(3650);
    private static final Duration RENEW_BEFORE = Duration.ofDays(7);

    private static final Set<PosixFilePermission> OWNER_RW = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_RWX = PosixFilePermissions.fromString("rwx------");

    private TlsIdentities() {
    }

    // ---- loading ----------------------------------------------------------------------------------------

    public static TlsIdentity loadPem(Path chainPem, Path keyPem) {
        try {
            List<X509Certificate> chain = readCertificates(chainPem);
            if (chain.isEmpty()) {
                throw new IllegalArgumentException("no certificate in " + chainPem);
            }
            return new TlsIdentity(readPrivateKey(keyPem), chain);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read TLS identity from " + chainPem + " and " + keyPem, e);
        }
    }

    public static TlsIdentity loadPkcs12(Path keystore, char[] password) {
        try (InputStream in = Files.newInputStream(keystore)) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, password);
            for (String alias : Collections.list(ks.aliases())) {
                if (ks.isKeyEntry(alias)) {
                    PrivateKey key = (PrivateKey) ks.getKey(alias, password);
                    Certificate[] certs = ks.getCertificateChain(alias);
                    List<X509Certificate> chain = new ArrayList<>();
                    for (Certificate c : certs) {
                        chain.add((X509Certificate) c);
                    }
                    return new TlsIdentity(key, chain);
                }
            }
            throw new IllegalArgumentException("no private key entry in " + keystore);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read PKCS#12 keystore " + keystore, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot read PKCS#12 keystore " + keystore + ": " + e.getMessage(), e);
        }
    }

    static List<X509Certificate> readCertificates(Path pem) throws IOException {
        List<X509Certificate> certs = new ArrayList<>();
        JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
        try (Reader reader = Files.newBufferedReader(pem, StandardCharsets.US_ASCII); PEMParser parser = new PEMParser(reader)) {
            Object o;
            while ((o = parser.readObject()) != null) {
                if (o instanceof X509CertificateHolder holder) {
                    certs.add(converter.getCertificate(holder));
                }
            }
        } catch (CertificateException e) {
            throw new IllegalArgumentException("invalid certificate in " + pem + ": " + e.getMessage(), e);
        }
        return certs;
    }

    static PrivateKey readPrivateKey(Path pem) throws IOException {
        JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
        try (Reader reader = Files.newBufferedReader(pem, StandardCharsets.US_ASCII); PEMParser parser = new PEMParser(reader)) {
            Object o;
            while ((o = parser.readObject()) != null) {
                if (o instanceof PrivateKeyInfo info) {
                    return converter.getPrivateKey(info);
                }
                if (o instanceof PEMKeyPair pair) {
                    return converter.getKeyPair(pair).getPrivate();
                }
                if (o.getClass().getSimpleName().contains("Encrypted")) {
                    throw new IllegalArgumentException("encrypted private keys are not supported: " + pem);
                }
            }
        }
        throw new IllegalArgumentException("no private key in " + pem);
    }

    // ---- self-signed, persisted -------------------------------------------------------------------------

    /**
     * Returns the identity persisted in {@code stateDir}; generates and persists one when absent, unreadable as a
     * pair, or about to expire.
     */
    public static TlsIdentity loadOrCreateSelfSigned(Path stateDir) {
        Path cert = stateDir.resolve(CERT_FILE);
        Path key = stateDir.resolve(KEY_FILE);
        if (Files.exists(cert) && Files.exists(key)) {
            TlsIdentity existing = loadPem(cert, key);
            Instant notAfter = existing.certificate().getNotAfter().toInstant();
            if (notAfter.isAfter(Instant.now().plus(RENEW_BEFORE))) {
                log.debug("Loaded TLS identity dir={} sha256={}", stateDir, existing.fingerprintSha256());
                return existing;
            }
            log.warn("Persisted TLS certificate expires soon, generating a new one dir={} notAfter={}", stateDir, notAfter);
        }
        TlsIdentity created = generateSelfSigned(defaultHostNames(), new SecureRandom());
        persist(created, stateDir);
        log.info("Generated self-signed TLS certificate dir={} sha256={}", stateDir, created.fingerprintSha256());
        return created;
    }

    /** Host names for the certificate's subject alternative names: localhost and this host's name. */
    static List<String> defaultHostNames() {
        Set<String> names = new LinkedHashSet<>();
        names.add("localhost");
        try {
            names.add(InetAddress.getLocalHost().getHostName());
        } catch (IOException e) {
            log.debug("Cannot resolve the local host name error={}", e.toString());
        }
        return List.copyOf(names);
    }

    /** Generates an RSA-2048 / SHA-256 self-signed server certificate for {@code hostNames} plus 127.0.0.1 and ::1. */
    public static TlsIdentity generateSelfSigned(List<String> hostNames, SecureRandom random) {
        try {
            KeyPairGenerator kpg = KeyPairGenerator.getInstance("RSA");
            kpg.initialize(2048, random);
            KeyPair pair = kpg.generateKeyPair();
            Instant now = Instant.now();
            X500Name subject = new X500Name("CN=" + hostNames.get(0) + ",O=Oriel");
            BigInteger serial = new BigInteger(127, random).setBit(126);
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, serial,
                    Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(SELF_SIGNED_VALIDITY)), subject,
                    pair.getPublic());
            List<GeneralName> sans = new ArrayList<>();
            for (String h : hostNames) {
                sans.add(new GeneralName(GeneralName.dNSName, h));
            }
            sans.add(new GeneralName(GeneralName.iPAddress, "127.0.0.1"));
            sans.add(new GeneralName(GeneralName.iPAddress, "::1"));
            builder.addExtension(Extension.subjectAlternativeName, false,
                    new DERSequence(sans.toArray(new GeneralName[0])));
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true,
                    new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
            builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
            ContentSigner signer = new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate());
            X509Certificate cert = new JcaX509CertificateConverter().getCertificate(builder.build(signer));
            return new TlsIdentity(pair.getPrivate(), List.of(cert));
        } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
            throw new IllegalStateException("cannot generate a self-signed certificate", e);
        }
    }

    /**
     * Writes {@code identity} as {@link #CERT_FILE} and {@link #KEY_FILE} into {@code stateDir} (created with mode
     * 0700 if missing), each file with mode 0600, replacing them atomically.
     */
    public static void persist(TlsIdentity identity, Path stateDir) {
        try {
            createPrivateDirectory(stateDir);
            writePrivateFile(stateDir.resolve(CERT_FILE), toPem(identity.certificateChain().toArray()));
            writePrivateFile(stateDir.resolve(KEY_FILE), toPem(new Object[] {identity.privateKey()}));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot persist the TLS identity in " + stateDir, e);
        }
    }

    private static String toPem(Object[] objects) throws IOException {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            for (Object o : objects) {
                writer.writeObject(new JcaMiscPEMGenerator(o));
            }
        }
        return out.toString();
    }

    private static boolean posix(Path dir) {
        return dir.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    private static void createPrivateDirectory(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        FileAttribute<?>[] attrs = posix(dir.toAbsolutePath().getParent() == null ? dir : dir.toAbsolutePath().getParent())
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_RWX)} : new FileAttribute<?>[0];
        try {
            Files.createDirectories(dir, attrs);
        } catch (FileAlreadyExistsException e) {
            // Raced with another process creating it; fine as long as it is a directory.
            if (!Files.isDirectory(dir)) {
                throw e;
            }
        }
    }

    private static void writePrivateFile(Path target, String content) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Path tmp;
        if (posix(dir)) {
            tmp = Files.createTempFile(dir, ".oriel-", ".tmp", PosixFilePermissions.asFileAttribute(OWNER_RW));
        } else {
            tmp = Files.createTempFile(dir, ".oriel-", ".tmp");
        }
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.US_ASCII)) {
            w.write(content);
        }
        if (posix(dir)) {
            Files.setPosixFilePermissions(tmp, OWNER_RW);
        }
        try {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Parses DER or PEM certificates from a stream (for tests and tools). */
    public static List<X509Certificate> parseCertificates(InputStream in) throws CertificateException {
        List<X509Certificate> out = new ArrayList<>();
        for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
            out.add((X509Certificate) c);
        }
        return out;
    }
}
