package jp.jichitai.cloud.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

class CopyTextTests {

    @Test
    void writesValuesOfEachTypeSeparatedByTabsAndEndsRowsWithNewlines() {
        CopyText copy = new CopyText(0);
        copy.value("012345").value(null).value(true).value(false).value(42).value(-7L).value((short) 3)
                .value(LocalDate.of(1989, 1, 8)).endRow();
        copy.value(Long.MIN_VALUE).value(0).value(Long.MAX_VALUE).endRow();

        assertThat(written(copy)).isEqualTo("012345\t\\N\tt\tf\t42\t-7\t3\t1989-01-08\n"
                + "-9223372036854775808\t0\t9223372036854775807\n");
    }

    @Test
    void escapesBackslashTabAndLineEndsAsCopyTextFormatRequires() {
        CopyText copy = new CopyText(0);
        copy.text("a\\b\tc\nd\re").endRow();

        assertThat(written(copy)).isEqualTo("a\\\\b\\tc\\nd\\re\n");
    }

    @Test
    void datesOutsideFourDigitYearsFallBackToTheirIsoText() {
        CopyText copy = new CopyText(0);
        copy.date(LocalDate.of(1, 2, 3)).date(LocalDate.of(10000, 12, 31)).date(LocalDate.of(1000, 1, 1)).endRow();

        assertThat(written(copy)).isEqualTo("0001-02-03\t+10000-12-31\t1000-01-01\n");
    }

    @Test
    void encodesJapaneseTextSupplementaryCharactersAndPrivateUseAsUtf8() {
        String text = "髙﨑①　ｱ\uE000𠮷野家\uD842";
        CopyText copy = new CopyText(0);
        copy.text(text).endRow();
        char[] chars = ("xx" + text + "yy").toCharArray();
        copy.text(chars, 2, chars.length - 2).endRow();

        // A lone surrogate becomes '?', as String.getBytes(UTF_8) makes it.
        byte[] expected = (text + "\n" + text + "\n").getBytes(StandardCharsets.UTF_8);
        assertThat(Arrays.copyOf(copy.bytes(), copy.length())).isEqualTo(expected);
        assertThat(written(copy)).contains("𠮷").endsWith("?\n");
    }

    @Test
    void aSurrogatePairCutByTheRangeEndIsNotJoinedWithTheCharacterAfterIt() {
        char[] chars = "a𠮷".toCharArray();
        CopyText copy = new CopyText(0);
        copy.text(chars, 0, 2).endRow();

        assertThat(written(copy)).isEqualTo("a?\n");
    }

    @Test
    void growsPastItsInitialCapacityAndStartsAfreshAfterClear() {
        CopyText copy = new CopyText(8);
        String name = "住民".repeat(1000);
        copy.text(name).value(123).endRow();
        assertThat(written(copy)).isEqualTo(name + "\t123\n");

        copy.clear();
        copy.value("a").endRow();
        assertThat(written(copy)).isEqualTo("a\n");
    }

    /** Random rows against a reference built the slow way: escape as a String, then String.getBytes(UTF_8). */
    @Test
    void randomRowsMatchTheReferenceEncodingByteForByte() {
        Random random = new Random(20261206);
        CopyText copy = new CopyText(16);
        StringBuilder reference = new StringBuilder();
        for (int row = 0; row < 2000; row++) {
            int values = 1 + random.nextInt(6);
            for (int v = 0; v < values; v++) {
                if (v > 0) {
                    reference.append('\t');
                }
                switch (random.nextInt(4)) {
                    case 0 -> {
                        long number = random.nextLong() >> random.nextInt(64);
                        copy.value(number);
                        reference.append(number);
                    }
                    case 1 -> {
                        copy.value(null);
                        reference.append("\\N");
                    }
                    case 2 -> {
                        LocalDate date = LocalDate.ofEpochDay(random.nextInt(200_000) - 100_000);
                        copy.value(date);
                        reference.append(date);
                    }
                    default -> {
                        String text = randomText(random);
                        copy.value(text);
                        reference.append(text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")
                                .replace("\r", "\\r"));
                    }
                }
            }
            copy.endRow();
            reference.append('\n');
        }

        assertThat(Arrays.copyOf(copy.bytes(), copy.length()))
                .isEqualTo(reference.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static String randomText(Random random) {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(12);
        for (int i = 0; i < length; i++) {
            switch (random.nextInt(6)) {
                case 0 -> text.append("\\\t\n\r".charAt(random.nextInt(4)));
                case 1 -> text.append((char) (0x20 + random.nextInt(0x5F)));
                case 2 -> text.append((char) (0x80 + random.nextInt(0x780)));
                case 3 -> text.appendCodePoint(0x10000 + random.nextInt(0x10000));
                case 4 -> text.append((char) (0xE000 + random.nextInt(0x1900)));
                default -> text.append((char) (0x3000 + random.nextInt(0x6000)));
            }
        }
        return text.toString();
    }

    private static String written(CopyText copy) {
        return new String(copy.bytes(), 0, copy.length(), StandardCharsets.UTF_8);
    }
}
