package jp.jichitai.cloud.migrationformat;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import org.junit.jupiter.api.Test;

/**
 * The tables are built in bulk at start-up; these tests hold them against the REPORTING coders one code at
 * a time (the slow way the tables replace), and check the facts that let the reader, validator and writer
 * work on bytes without decoding.
 */
class Cp932TablesTests {

    private final CharsetDecoder decoder = Cp932CsvReader.CP932.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    private final CharsetEncoder encoder = Cp932CsvReader.CP932.newEncoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);

    @Test
    void decodeTablesHoldExactlyWhatTheReportingDecoderAcceptsCodeByCode() {
        for (int first = 0; first < 256; first++) {
            String single = decodeAlone(new byte[] {(byte) first});
            if (single != null) {
                assertThat(Cp932Tables.SINGLE[first]).as("byte %02X", first).isEqualTo(single.charAt(0));
                continue;
            }
            boolean lead = false;
            for (int second = 0; second < 256; second++) {
                String pair = decodeAlone(new byte[] {(byte) first, (byte) second});
                char expected = pair == null || pair.length() != 1 ? Cp932Tables.INVALID : pair.charAt(0);
                assertThat(Cp932Tables.DOUBLE[first << 8 | second]).as("pair %02X%02X", first, second).isEqualTo(expected);
                lead |= expected != Cp932Tables.INVALID;
            }
            assertThat(Cp932Tables.SINGLE[first]).as("byte %02X", first).isEqualTo(lead ? Cp932Tables.LEAD : Cp932Tables.INVALID);
        }
    }

    @Test
    void encodeTableHoldsExactlyWhatTheReportingEncoderAcceptsCharacterByCharacter() {
        for (int c = 0; c < 65536; c++) {
            int expected = -1;
            if (!Character.isSurrogate((char) c)) {
                try {
                    ByteBuffer bytes = encoder.reset().encode(CharBuffer.wrap(new char[] {(char) c}));
                    expected = bytes.remaining() == 1 ? bytes.get(0) & 0xFF : (bytes.get(0) & 0xFF) << 8 | bytes.get(1) & 0xFF;
                } catch (CharacterCodingException e) {
                    expected = -1;
                }
            }
            assertThat(Cp932Tables.ENCODE[c]).as("U+%04X", c).isEqualTo(expected);
        }
    }

    @Test
    void asciiIsItselfBothWaysAndNoPairStandsForAnAsciiCharacterOrEndsInOne() {
        for (int b = 0; b < 0x80; b++) {
            assertThat((int) Cp932Tables.SINGLE[b]).as("byte %02X", b).isEqualTo(b);
            assertThat(Cp932Tables.ENCODE[b]).as("U+%04X", b).isEqualTo(b);
        }
        for (int pair = 0; pair < 65536; pair++) {
            char c = Cp932Tables.DOUBLE[pair];
            if (c != Cp932Tables.INVALID) {
                assertThat((int) c).as("pair %04X", pair).isGreaterThanOrEqualTo(0x80);
                assertThat(pair & 0xFF).as("second byte of pair %04X", pair).isGreaterThanOrEqualTo(0x40).isNotEqualTo(0x7F);
            }
        }
    }

    @Test
    void comparesBytesWithTextByTheCharactersTheyStandFor() {
        byte[] bytes = {(byte) 0xFB, (byte) 0xFC, (byte) 0xEE, (byte) 0xE0, '1'};
        assertThat(Cp932Tables.decodesTo(bytes, 0, 2, "髙")).isTrue();
        assertThat(Cp932Tables.decodesTo(bytes, 2, 4, "髙")).isTrue();
        assertThat(Cp932Tables.decodesTo(bytes, 0, 5, "髙髙1")).isTrue();
        assertThat(Cp932Tables.decodesTo(bytes, 0, 4, "髙髙1")).isFalse();
        assertThat(Cp932Tables.decodesTo(bytes, 0, 5, "髙髙")).isFalse();
        assertThat(Cp932Tables.decodesTo(bytes, 0, 1, "髙")).as("half a pair").isFalse();
    }

    private String decodeAlone(byte[] bytes) {
        try {
            return decoder.reset().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
