package jp.jichitai.cloud.disaster.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import jp.jichitai.cloud.shared.BusinessException;

/** The offline roster file: written and read back in both encodings, and refused precisely. */
class ShelterRosterFileTests {

    static final String HEADER = "避難者番号,宛名番号,氏名,フリガナ,生年月日,入所日時,退所日時\r\n";

    @Test
    void aRosterWrittenInEitherEncodingReadsBackTheSame() {
        Shelters.Stay stay = new Shelters.Stay(7, 3, "100000011", "佐藤, \"一郎\"", "サトウ　イチロウ", "19700505",
                OffsetDateTime.parse("2026-11-20T09:05+09:00"), null, "COUNTER", null, null);
        for (var charset : List.of(CsvText.CP932, StandardCharsets.UTF_8)) {
            byte[] file = ShelterRosterFile.write(List.of(stay), charset).bytes();
            ShelterRosterFile.Content content = ShelterRosterFile.read(file, charset);
            assertThat(content.problems()).isEmpty();
            ShelterRosterFile.Row row = content.rows().get(0);
            assertThat(row.stayId()).isEqualTo(7L);
            assertThat(row.name()).isEqualTo("佐藤, \"一郎\"");
            assertThat(row.enteredAt().toInstant()).isEqualTo(stay.enteredAt().toInstant());
            assertThat(row.leftAt()).isNull();
        }
    }

    @Test
    void aCharacterCp932CannotHoldIsWrittenAsGetaAndCounted() {
        Shelters.Stay stay = new Shelters.Stay(1, 1, null, "𠮷田　太郎", "ヨシダ　タロウ", "", OffsetDateTime.parse("2026-11-20T09:05+09:00"),
                null, "COUNTER", null, null);
        CsvText.Encoded encoded = ShelterRosterFile.write(List.of(stay), CsvText.CP932);
        assertThat(encoded.substituted()).isEqualTo(1);
        assertThat(new String(encoded.bytes(), CsvText.CP932)).contains("〓田　太郎");
    }

    @Test
    void excelStyleTimesAndABomAreRead() {
        String text = "\uFEFF" + HEADER + ",,来訪　者,ライホウ　シャ,19900101,2026/11/20 9:05,2026/11/21 10:00\r\n";
        ShelterRosterFile.Content content = ShelterRosterFile.read(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
        assertThat(content.problems()).isEmpty();
        assertThat(content.rows().get(0).stayId()).isNull();
        assertThat(content.rows().get(0).leftAt()).isEqualTo(OffsetDateTime.parse("2026-11-21T10:00+09:00"));
    }

    @Test
    void everyProblemNamesLineColumnAndField() {
        String text = HEADER
                + ",,正しい　人,,,2026-11-20 09:00,\r\n"
                + "x,,,,1970131,2026-11-20 25:00,\r\n"
                + ",,人,,,2026-11-20 09:00,2026-11-19 09:00\r\n"
                + ",,足りない\r\n";
        ShelterRosterFile.Content content = ShelterRosterFile.read(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
        assertThat(content.valid()).isFalse();
        assertThat(content.rows()).extracting(ShelterRosterFile.Row::name).containsExactly("正しい　人");
        assertThat(content.problems()).containsExactly(
                "3行目 1列（避難者番号）: 避難者番号は数字です（新しく入所した方は空欄）。",
                "3行目 3列（氏名）: 氏名を入力してください（100文字以内）。",
                "3行目 5列（生年月日）: 生年月日は8桁の数字（例：19700505）です。",
                "3行目 6列（入所日時）: 入所日時を YYYY-MM-DD HH:MM で入力してください。",
                "4行目 7列（退所日時）: 退所日時が入所日時より前です。",
                "5行目: 項目の数が3です（7項目）。");
    }

    @Test
    void aFileInTheOtherEncodingOrWithAnotherHeaderIsRefused() {
        byte[] cp932 = (HEADER + ",,佐藤,,,2026-11-20 09:00,\r\n").getBytes(CsvText.CP932);
        assertThatThrownBy(() -> ShelterRosterFile.read(cp932, StandardCharsets.UTF_8))
                .isInstanceOf(BusinessException.class).hasMessageContaining("1行目").hasMessageContaining("UTF-8");
        ShelterRosterFile.Content other = ShelterRosterFile.read("氏名,住所\r\n".getBytes(StandardCharsets.UTF_8),
                StandardCharsets.UTF_8);
        assertThat(other.problems()).singleElement().asString().startsWith("1行目: 見出し行");
        assertThatThrownBy(() -> CsvText.encoding("EUC-JP")).hasMessageContaining("CP932 または UTF-8");
        assertThatThrownBy(() -> CsvText.parse("a,\"b\r\nc")).hasMessageContaining("1行目");
    }
}
