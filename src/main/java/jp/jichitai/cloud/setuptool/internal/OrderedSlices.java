package jp.jichitai.cloud.setuptool.internal;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import java.util.Arrays;

/**
 * Writes numbered slices of a file in their order while several threads make them in any order: a thread
 * hands in a slice it has made ({@link #complete}); whichever thread hands in the slice the file is waiting for
 * writes it and every slice after it that is ready. A thread reuses a slice's buffer only once that slice is
 * written ({@link #awaitWritten}), so memory stays at a few slices per thread.
 */
public final class OrderedSlices {

    /** A growable buffer a slice is made in; {@link #reset} before making the next slice in it. */
    public static final class Buffer extends OutputStream {
        private byte[] bytes;
        private int length;

        public Buffer(int capacity) {
            bytes = new byte[capacity];
        }

        @Override
        public void write(int b) {
            room(1);
            bytes[length++] = (byte) b;
        }

        @Override
        public void write(byte[] source, int offset, int count) {
            room(count);
            System.arraycopy(source, offset, bytes, length, count);
            length += count;
        }

        public void reset() {
            length = 0;
        }

        public int length() {
            return length;
        }

        private void room(int count) {
            if (bytes.length - length < count) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + count));
            }
        }
    }

    /** Thrown to a thread waiting for a slice that will not be written because another thread gave up. */
    public static final class AbandonedException extends IOException {
        private static final long serialVersionUID = 1L;

        AbandonedException(int slice) {
            super("slice " + slice + " was not written: another thread making slices gave up");
        }
    }

    private final WritableByteChannel target;
    private final Buffer[] ready;
    private int next;
    private boolean writing;
    private boolean failed;

    /** {@code slices} slices, numbered from 0, go to {@code target} in that order. */
    public OrderedSlices(WritableByteChannel target, int slices) {
        this.target = target;
        this.ready = new Buffer[slices];
    }

    /**
     * Hands in slice {@code slice}, made in {@code buffer}; writes it, and the ready slices after it, when it is
     * the one the file waits for.
     */
    public void complete(int slice, Buffer buffer) throws IOException {
        synchronized (this) {
            ready[slice] = buffer;
            if (writing || slice != next) {
                return;
            }
            writing = true;
        }
        boolean done = false;
        try {
            while (true) {
                Buffer turn;
                synchronized (this) {
                    turn = next < ready.length ? ready[next] : null;
                    if (turn == null) {
                        writing = false;
                        done = true;
                        return;
                    }
                }
                ByteBuffer bytes = ByteBuffer.wrap(turn.bytes, 0, turn.length);
                while (bytes.hasRemaining()) {
                    target.write(bytes);
                }
                synchronized (this) {
                    ready[next++] = null;
                    notifyAll();
                }
            }
        } finally {
            if (!done) {
                fail();
            }
        }
    }

    /** Waits until slice {@code slice} is written (its buffer may be reused then); throws when the writing was given up. */
    public synchronized void awaitWritten(int slice) throws IOException {
        while (next <= slice) {
            if (failed) {
                throw new AbandonedException(slice);
            }
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while waiting for slice " + slice);
            }
        }
    }

    /** Marks the writing as failed (a thread making slices gave up): no thread waits for a slice any longer. */
    public synchronized void fail() {
        failed = true;
        notifyAll();
    }

    /** Whether every slice has been written. */
    public synchronized boolean allWritten() {
        return next == ready.length;
    }
}
