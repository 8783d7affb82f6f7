package org.framelens.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class BackgroundStartTest {
    @Test
    void runsOnceOnItsOwnDaemonThreadForEveryCaller() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        AtomicReference<Thread> worker = new AtomicReference<>();
        CountDownLatch release = new CountDownLatch(1);
        BackgroundStart<String> start = new BackgroundStart<>("test-start", () -> {
            runs.incrementAndGet();
            worker.set(Thread.currentThread());
            try {
                release.await();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return "ready";
        });
        start.start();
        start.start();
        List<Thread> callers = new ArrayList<>();
        List<String> results = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < 4; i++) {
            Thread t = new Thread(() -> results.add(start.get()));
            t.start();
            callers.add(t);
        }
        release.countDown();
        for (Thread t : callers) {
            t.join(10_000);
        }
        assertEquals(List.of("ready", "ready", "ready", "ready"), results);
        assertEquals(1, runs.get());
        assertEquals("test-start", worker.get().getName());
        assertTrue(worker.get().isDaemon());
    }

    @Test
    void getStartsTheWorkWhenNobodyDid() {
        assertEquals(42, new BackgroundStart<>("test-start", () -> 42).get());
    }

    @Test
    void rethrowsWhatTheWorkThrewUnwrapped() {
        IllegalArgumentException failure = new IllegalArgumentException("no backend");
        BackgroundStart<Object> start = new BackgroundStart<>("test-start", () -> {
            throw failure;
        });
        start.start();
        assertSame(failure, assertThrows(IllegalArgumentException.class, start::get));
        assertSame(failure, assertThrows(IllegalArgumentException.class, start::get), "every caller sees it");
        UnsatisfiedLinkError linkError = new UnsatisfiedLinkError("libnd4jcpu.so");
        assertSame(linkError, assertThrows(UnsatisfiedLinkError.class,
                new BackgroundStart<>("test-start", () -> {
                    throw linkError;
                })::get));
    }

    @Test
    void anInterruptedCallerStillGetsTheResultAndKeepsItsInterrupt() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        BackgroundStart<String> start = new BackgroundStart<>("test-start", () -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return "ready";
        });
        AtomicReference<String> result = new AtomicReference<>();
        AtomicReference<Boolean> interrupted = new AtomicReference<>();
        Thread caller = new Thread(() -> {
            result.set(start.get());
            interrupted.set(Thread.currentThread().isInterrupted());
        });
        caller.start();
        caller.interrupt();
        Thread.sleep(50);
        release.countDown();
        caller.join(10_000);
        assertEquals("ready", result.get());
        assertEquals(Boolean.TRUE, interrupted.get());
    }
}
