package org.mandatetracker.support.axon;

import org.axonframework.common.stream.BlockingStream;

import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * A stream read ahead into a bounded buffer by a thread of its own, which runs the availability call-back for every
 * message it buffers. Its consumer is one thread at a time, as a processor's coordinator is. A failure to read is
 * thrown to the consumer once the messages read before it are consumed, so it reopens the stream, as it would have
 * on the stream read ahead.
 */
final class ReadAheadStream<M> implements BlockingStream<M> {

    private final BlockingStream<M> source;
    private final BlockingQueue<M> buffer;
    private final Thread reader;
    private volatile Runnable onAvailable = () -> { };
    private volatile RuntimeException failure;
    private volatile boolean closed;
    private M peeked;

    ReadAheadStream(BlockingStream<M> source, int capacity, ThreadFactory threads) {
        this.source = source;
        this.buffer = new ArrayBlockingQueue<>(capacity);
        this.reader = threads.newThread(this::readAhead);
        this.reader.setDaemon(true);
        this.reader.start();
    }

    private void readAhead() {
        try {
            while (!closed) {
                if (source.hasNextAvailable(1, TimeUnit.SECONDS)) {
                    buffer.put(source.nextAvailable());
                    onAvailable.run();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            failure = e;
            onAvailable.run();
        } finally {
            source.close();
        }
    }

    @Override
    public Optional<M> peek() {
        if (peeked == null) {
            peeked = buffer.poll();
        }
        return Optional.ofNullable(orFailure(peeked));
    }

    @Override
    public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
        if (peeked == null) {
            peeked = buffer.poll(timeout, unit);
        }
        return orFailure(peeked) != null;
    }

    @Override
    public M nextAvailable() throws InterruptedException {
        while (!hasNextAvailable(1, TimeUnit.SECONDS)) {
            if (closed) {
                throw new IllegalStateException("The stream is closed");
            }
        }
        M next = peeked;
        peeked = null;
        return next;
    }

    private M orFailure(M next) {
        RuntimeException failed = failure;
        if (next == null && failed != null) {
            throw failed;
        }
        return next;
    }

    @Override
    public boolean setOnAvailableCallback(Runnable callback) {
        onAvailable = callback;
        if (!buffer.isEmpty()) {
            callback.run();
        }
        return true;
    }

    @Override
    public void close() {
        closed = true;
        reader.interrupt();
    }
}
