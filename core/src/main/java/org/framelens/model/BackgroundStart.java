package org.framelens.model;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * A one-time initialisation that can run on a background thread while the caller does other work, and that the
 * caller later waits for. A cold start spends most of its time in such steps (ND4J's native backend, the OpenNLP
 * models) that need nothing from the model bundle, so they can overlap with reading it on a second core.
 *
 * <p>{@link #get()} starts the work on the calling thread's behalf if nobody started it, waits for it, and throws
 * what the work threw, as it would have been thrown without the background thread.
 *
 * @param <T> the result
 */
public final class BackgroundStart<T> {
    private final String threadName;
    private final FutureTask<T> task;
    private final AtomicBoolean started = new AtomicBoolean();

    public BackgroundStart(String threadName, Supplier<T> work) {
        this.threadName = threadName;
        this.task = new FutureTask<>(work::get);
    }

    /** Starts the work on a daemon thread, once; later calls do nothing. */
    public void start() {
        if (started.compareAndSet(false, true)) {
            Thread thread = new Thread(task, threadName);
            thread.setDaemon(true); // a JVM that exits before the work is needed should not wait for it
            thread.start();
        }
    }

    /** Waits for the work (starting it if needed) and returns its result, or throws what it threw. */
    public T get() {
        start();
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return task.get();
                } catch (InterruptedException e) {
                    interrupted = true; // the work is shared: finish waiting, keep the caller's interrupt
                }
            }
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(threadName + " failed", cause);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
