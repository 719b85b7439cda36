package dev.oriel.rdp.core.testutil;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Loads test fixtures from {@code src/test/resources/fixtures/}. Provenance of every file is recorded in
 * {@code fixtures/README.md} (and {@code fixtures/conformance/MANIFEST.tsv} for vectors copied from public
 * test suites).
 */
public final class Fixtures {
    private Fixtures() {
    }

    /** The bytes of {@code fixtures/<path>}. */
    public static byte[] bytes(String path) {
        String resource = "/fixtures/" + path;
        try (InputStream in = Fixtures.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A vector copied from IronRDP's test suite: {@code fixtures/conformance/ironrdp/<name>.bin}. */
    public static byte[] ironrdp(String name) {
        return bytes("conformance/ironrdp/" + name + ".bin");
    }

    /** A vector copied from FreeRDP's test suite: {@code fixtures/conformance/freerdp/<name>.bin}. */
    public static byte[] freerdp(String name) {
        return bytes("conformance/freerdp/" + name + ".bin");
    }
}
