package jp.jichitai.cloud.residents;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import jp.jichitai.cloud.residents.internal.VariantCharacters;

class SearchKeysTests {

    @ParameterizedTest(name = "{0} ≡ {1}")
    @CsvSource(delimiter = '|', textBlock = """
            サトウ       | さとう
            サトウ       | ｻﾄｳ
            サトウ       | サトオ
            サトウ       | サトー
            サトウ       | サト
            サトウ       | サ　ト　ウ
            トウキョウ    | トーキョー
            トウキョウ    | トオキヨオ
            コウノ       | コーノ
            オオノ       | オノ
            ジロウ       | ヂロウ
            スズキ       | スヅキ
            スズキ       | すすき
            ハヤシ       | パヤシ
            ハヤシ       | バヤシ
            バイオリン    | ヴァイオリン
            ビクトリア    | ヴィクトリア
            ビクトリア    | ｳﾞｨｸﾄﾘｱ
            ベートーベン   | ヴェートーヴェン
            ハットリ     | ハツトリ
            キャロル     | キヤロル
            ファン       | フアン
            ヤマダ タロウ | ヤマダタロウ
            ヤマダ－タロウ | ヤマダ‐タロウ
            ヤマダ-タロウ | ヤマダ―タロウ
            ヤマダ～タロウ | ヤマダタロウ
            カヲル       | カオル
            ｶﾞｯｺｳ       | がっこう
            スミス ジョン | ｽﾐｽ　ｼﾞｮﾝ
            トㇰ         | トク
            ジ          | ヂ
            ズ          | ヅ
            ヂ          | チ
            ツヅキ       | ツツキ
            ツヅキ       | スズキ
            """)
    void kanaKeysFoldWhatTheStandardTreatsAsTheSame(String one, String other) {
        assertThat(SearchKeys.kanaKey(one)).isEqualTo(SearchKeys.kanaKey(other));
    }

    @ParameterizedTest(name = "{0} ≠ {1}")
    @CsvSource(delimiter = '|', textBlock = """
            サトウ   | サイトウ
            ユウコ   | ユーコ
            ユウコ   | ユコ
            カトウ   | カトイ
            ハヤシ   | ハヤセ
            エイコ   | エコ
            """)
    void kanaKeysKeepOtherNamesApart(String one, String other) {
        assertThat(SearchKeys.kanaKey(one)).isNotEqualTo(SearchKeys.kanaKey(other));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            サトウ      | サト
            ジョウ      | シヨ
            ヴ          | フ
            ガッコウ    | カスコ
            ミチコ      | ミシコ
            ユウコ      | ユウコ
            """)
    void kanaKeysAreExactlyTheseStrings(String kana, String key) {
        assertThat(SearchKeys.kanaKey(kana)).isEqualTo(key);
    }

    @ParameterizedTest(name = "{0} ≡ {1}")
    @CsvSource(delimiter = '|', textBlock = """
            高橋   | 髙橋
            山崎   | 山﨑
            山崎   | 山嵜
            渡辺   | 渡邊
            渡辺   | 渡邉
            浜田   | 濱田
            浜田   | 濵田
            斎藤   | 齋藤
            斉藤   | 齊藤
            徳永   | 德永
            恵子   | 惠子
            沢田   | 澤田
            広田   | 廣田
            国男   | 國男
            桜井   | 櫻井
            竜也   | 龍也
            中村   | 中邨
            島田   | 嶋田
            島田   | 嶌田
            大塚   | 大塚
            渕上   | 淵上
            万里   | 萬里
            会田   | 會田
            寿子   | 壽子
            栄一   | 榮一
            蔵前   | 藏前
            実    | 實
            与一   | 與一
            富田   | 冨田
            峰岸   | 峯岸
            吉田   | 𠮷田
            神田   | 神田
            山田 太郎 | 山田　太郎
            山田太郎 | 山田 太郎
            SMITH JOHN | Ｓｍｉｔｈ　Ｊｏｈｎ
            葛城   | 葛󠄀城
            """)
    void nameKeysFoldVariantsWidthsAndSpaces(String one, String other) {
        assertThat(SearchKeys.nameKey(one)).isEqualTo(SearchKeys.nameKey(other));
    }

    @ParameterizedTest(name = "{0} ≠ {1}")
    @CsvSource(delimiter = '|', textBlock = """
            斎藤 | 斉藤
            齋藤 | 齊藤
            斎藤 | 齊藤
            斉藤 | 齋藤
            高橋 | 高端
            さくら | サクラ
            """)
    void nameKeysKeepDifferentNamesApart(String one, String other) {
        assertThat(SearchKeys.nameKey(one)).isNotEqualTo(SearchKeys.nameKey(other));
    }

    @Test
    void compatibilityIdeographsFoldOnlyInTheKey() {
        String storedName = "\uFA19田";

        assertThat(SearchKeys.nameKey(storedName)).isEqualTo("\u795E田");
        assertThat(storedName.codePointAt(0)).isEqualTo(0xFA19);
    }

    @Test
    void theVariantTableIsClosedAndKeepsSaiApart() {
        var table = VariantCharacters.table();

        assertThat(table).doesNotContainKey((int) '斎').doesNotContainKey((int) '斉');
        assertThat(table.get((int) '齋')).isEqualTo((int) '斎');
        assertThat(table.get((int) '齊')).isEqualTo((int) '斉');
        table.values().forEach(key -> assertThat(table).doesNotContainKey(key));
        assertThat(table).hasSizeGreaterThan(40);
    }
}
