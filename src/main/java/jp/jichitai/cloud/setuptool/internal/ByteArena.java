package jp.jichitai.cloud.setuptool.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Byte storage in fixed chunks, so that a million records of raw CP932 bytes never need one huge array
 * (and its copy while growing). A record never crosses a chunk; an address is chunk × CHUNK + offset.
 */
public final class ByteArena {

    private static final int CHUNK = 1 << 23;

    private final List<byte[]> chunks = new ArrayList<>();
    private int used = CHUNK;

    /** Copies bytes in and returns their address. */
    public long add(byte[] source, int offset, int length) {
        if (length > CHUNK) {
            throw new IllegalArgumentException("record too long: " + length);
        }
        if (used + length > CHUNK) {
            chunks.add(new byte[CHUNK]);
            used = 0;
        }
        long address = (long) (chunks.size() - 1) * CHUNK + used;
        System.arraycopy(source, offset, chunks.get(chunks.size() - 1), used, length);
        used += length;
        return address;
    }

    /** Overwrites bytes at an address that holds at least {@code length} bytes. */
    public void overwrite(long address, byte[] source, int offset, int length) {
        System.arraycopy(source, offset, chunks.get((int) (address / CHUNK)), (int) (address % CHUNK), length);
    }

    /**
     * Takes over the chunks of another arena (which must not be used afterwards) and returns what to add to its
     * addresses to address the same bytes here. Later records start in a new chunk.
     */
    public long adopt(ByteArena other) {
        long shift = (long) chunks.size() * CHUNK;
        chunks.addAll(other.chunks);
        other.chunks.clear();
        used = CHUNK;
        return shift;
    }

    public byte[] chunkOf(long address) {
        return chunks.get((int) (address / CHUNK));
    }

    public int offsetOf(long address) {
        return (int) (address % CHUNK);
    }

    public long bytesAllocated() {
        return (long) chunks.size() * CHUNK;
    }
}
