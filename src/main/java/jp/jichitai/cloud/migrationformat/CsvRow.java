package jp.jichitai.cloud.migrationformat;

import java.util.Arrays;

/**
 * One line of a migration file: its line number, its original bytes and its decoded fields. The reader
 * reuses one instance for every line to stay fast on files of a million rows: a row is valid until the
 * next call to {@link Cp932CsvReader#next()}; copy what must outlive it.
 *
 * <p>The reader checks and splits the bytes but decodes a line's characters only when someone asks for them
 * ({@link #chars()}, {@link #field}): most fields are ASCII and are validated and used as bytes.
 */
public final class CsvRow {

    long lineNumber;
    byte[] bytes;
    int byteStart;
    int byteEnd;
    /** The end of the line with its line break (CRLF, LF or none), for a rejects file. */
    int lineEnd;
    char[] chars = new char[1024];
    int charLength;
    /** Whether {@link #chars} holds this line's characters yet. */
    boolean decoded;
    int fieldCount;
    /** Start of each field in {@link #chars}; the start after the last field is {@code charLength + 1}. */
    int[] charStarts = new int[64];
    /** Start of each field in {@link #bytes}; the start after the last field is {@code byteEnd + 1}. */
    int[] byteStarts = new int[64];
    /**
     * Set by the reader when it saw no control character (below U+0020, or DEL) in the line while splitting
     * it, so the validator need not look again; false when unknown.
     */
    boolean controlFree;
    boolean malformed;
    jp.jichitai.cloud.shared.MessageId problem;

    CsvRow() {
    }

    public long lineNumber() {
        return lineNumber;
    }

    /** Whether the line could not be split into the layout's fields (bad bytes, wrong field count, header). */
    public boolean isMalformed() {
        return malformed;
    }

    /** Why a malformed row could not be read (the id of the error reported for it); null for a well-formed row. */
    public jp.jichitai.cloud.shared.MessageId problem() {
        return problem;
    }

    public int fieldCount() {
        return fieldCount;
    }

    /** The decoded text of a field, numbered from 1. */
    public String field(int number) {
        decode();
        int start = fieldStart(number);
        return new String(chars, start, fieldEnd(number) - start);
    }

    public boolean isEmpty(int number) {
        return fieldEnd(number) == fieldStart(number);
    }

    /** The length of a field in characters. */
    public int fieldLength(int number) {
        return fieldEnd(number) - fieldStart(number);
    }

    /** A field of digits as a number, for keys such as 宛名番号; the caller has validated the digits. */
    public long fieldAsLong(int number) {
        long value = 0;
        byte[] source = bytes;
        for (int i = fieldByteStart(number), end = fieldByteEnd(number); i < end; i++) {
            value = value * 10 + (source[i] - '0');
        }
        return value;
    }

    /** Whether a field's text is exactly {@code text}, compared without building a String. */
    public boolean fieldEquals(int number, CharSequence text) {
        return fieldLength(number) == text.length()
                && Cp932Tables.decodesTo(bytes, fieldByteStart(number), fieldByteEnd(number), text);
    }

    /** The decoded characters of the whole line; fields are between {@link #fieldStart} and {@link #fieldEnd}. */
    public char[] chars() {
        decode();
        return chars;
    }

    /** Decodes the line's bytes, which the reader has checked, into {@link #chars} on first use. */
    void decode() {
        if (decoded) {
            return;
        }
        int length = byteEnd - byteStart;
        if (chars.length < length) {
            chars = new char[Math.max(length, chars.length * 2)];
        }
        if (Cp932Tables.decodeValid(bytes, byteStart, length, chars) != charLength) {
            throw new IllegalStateException("line " + lineNumber + " was checked but does not decode");
        }
        decoded = true;
    }

    public int fieldStart(int number) {
        return charStarts[number - 1];
    }

    public int fieldEnd(int number) {
        return charStarts[number] - 1;
    }

    /** The bytes of the line as read, without its line break, e.g. for a rejects file. */
    public byte[] originalBytes() {
        return Arrays.copyOfRange(bytes, byteStart, byteEnd);
    }

    /** The buffer holding the original bytes; a field's bytes are between {@link #fieldByteStart} and {@link #fieldByteEnd}. */
    public byte[] byteBuffer() {
        return bytes;
    }

    public int fieldByteStart(int number) {
        return byteStarts[number - 1];
    }

    public int fieldByteEnd(int number) {
        return byteStarts[number] - 1;
    }

    /** The 1-based field holding the byte at an offset of the line. */
    int fieldAtByte(int offset) {
        for (int i = 1; i <= fieldCount; i++) {
            if (offset < byteStarts[i] - 1 || i == fieldCount) {
                return i;
            }
        }
        return fieldCount;
    }
}
