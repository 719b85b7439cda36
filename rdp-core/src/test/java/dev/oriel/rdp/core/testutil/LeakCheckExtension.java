package dev.oriel.rdp.core.testutil;

import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.util.ResourceLeakDetector;
import io.netty.util.ResourceLeakDetectorFactory;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Turns Netty's leak reports into test failures. Paranoid leak detection (set by the parent POM) only logs a
 * {@code LEAK:} line when a buffer is garbage-collected unreleased; this extension, registered for every test class
 * through {@code META-INF/services}, installs a detector that records those reports, makes the detector look after
 * each test class (GC, then allocations, which is when Netty polls its reference queue) and fails the class whose
 * buffers leaked. A leak found before a class starts is reported against "an earlier test class".
 *
 * <p>The detector factory must be installed before Netty creates its ByteBuf detector (class initialisation of
 * {@code AbstractByteBuf}); JUnit loads autodetected extensions before it runs any test, and {@link #beforeAll}
 * verifies the installation took, so a check that cannot fail is itself a failure.
 */
public final class LeakCheckExtension implements BeforeAllCallback, AfterAllCallback {
    private static final List<String> LEAKS = new CopyOnWriteArrayList<>();
    private static final boolean INSTALLED = install();

    private static boolean install() {
        ResourceLeakDetectorFactory.setResourceLeakDetectorFactory(new ResourceLeakDetectorFactory() {
            @Override
            @SuppressWarnings("deprecation") // the three-argument form is the one subclasses must implement
            public <T> ResourceLeakDetector<T> newResourceLeakDetector(Class<T> resource, int samplingInterval,
                    long maxActive) {
                return new Recording<>(resource, samplingInterval);
            }
        });
        return true;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (!INSTALLED || !(probeDetector() instanceof Recording<?>)) {
            throw new IllegalStateException("Netty's ByteBuf leak detector was created before LeakCheckExtension "
                    + "could install its own; leaks would go unnoticed");
        }
        failIfLeaked("an earlier test class (found before " + context.getDisplayName() + ")");
    }

    @Override
    public void afterAll(ExtensionContext context) {
        failIfLeaked(context.getDisplayName());
    }

    private static void failIfLeaked(String where) {
        for (int round = 0; round < 2; round++) {
            System.gc();
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            for (int i = 0; i < 4; i++) {
                PooledByteBufAllocator.DEFAULT.heapBuffer(1).release();
                UnpooledByteBufAllocator.DEFAULT.directBuffer(1).release();
            }
        }
        if (!LEAKS.isEmpty()) {
            String report = String.join("\n\n", LEAKS);
            LEAKS.clear();
            throw new AssertionError("ByteBuf leak(s) in " + where + ":\n" + report);
        }
    }

    /** The detector Netty created for ByteBufs (a package-private static of AbstractByteBuf). */
    private static Object probeDetector() {
        try {
            var field = io.netty.buffer.AbstractByteBuf.class.getDeclaredField("leakDetector");
            field.setAccessible(true);
            return field.get(null);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("cannot read Netty's ByteBuf leak detector", e);
        }
    }

    private static final class Recording<T> extends ResourceLeakDetector<T> {
        @SuppressWarnings("deprecation")
        Recording(Class<T> resource, int samplingInterval) {
            super(resource, samplingInterval);
        }

        @Override
        protected boolean needReport() {
            return true;
        }

        @Override
        protected void reportTracedLeak(String resourceType, String records) {
            LEAKS.add(resourceType + " released by nobody; last accesses:" + records);
            super.reportTracedLeak(resourceType, records);
        }

        @Override
        protected void reportUntracedLeak(String resourceType) {
            LEAKS.add(resourceType + " released by nobody (no access records)");
            super.reportUntracedLeak(resourceType);
        }
    }
}
