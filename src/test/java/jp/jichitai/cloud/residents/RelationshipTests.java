package jp.jichitai.cloud.residents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import jp.jichitai.cloud.residents.Relationship.Link;
import jp.jichitai.cloud.shared.BusinessException;

class RelationshipTests {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"世帯主", "夫", "妻", "夫（未届）", "妻（未届）", "子", "父", "母", "兄", "姉", "弟", "妹",
            "子の妻", "子の子", "妻の父", "子の子の子", "子の子の子の妻", "妻（未届）の子", "縁故者", "同居人"})
    void acceptsTheStandardForms(String written) {
        Relationship relationship = Relationship.parse(written);

        assertThat(relationship.text()).isEqualTo(written);
        assertThat(relationship.foldedFrom()).isEmpty();
        assertThat(relationship.isHouseholdHead()).isEqualTo(written.equals("世帯主"));
    }

    @Test
    void readsChainsFromTheHeadOfHousehold() {
        assertThat(Relationship.parse("子の妻").links()).containsExactly(Link.CHILD, Link.WIFE);
        assertThat(Relationship.parse("妻（未届）の子").links()).containsExactly(Link.UNREGISTERED_WIFE, Link.CHILD);
        assertThat(Relationship.chain(List.of(Link.WIFE, Link.FATHER))).isEqualTo(Relationship.parse("妻の父"));
    }

    @Test
    void chainsOfFiveOrMoreLinksAreRecordedAsConnectedPersonKeepingWhatWasEntered() {
        Relationship relationship = Relationship.parse("子の子の子の子の妻");

        assertThat(relationship.text()).isEqualTo("縁故者");
        assertThat(relationship.links()).isEmpty();
        assertThat(relationship.foldedFrom()).contains("子の子の子の子の妻");
        assertThat(Relationship.parse("子の子の子の子").foldedFrom()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
            ''           | E-RES-0020 | 続柄を入力してください。
            孫           | E-RES-0021 | 続柄「孫」は使用できません。「子の子」と記載してください。
            長男         | E-RES-0021 | 続柄「長男」は使用できません。「子」と記載してください。
            二女         | E-RES-0021 | 続柄「二女」は使用できません。「子」と記載してください。
            祖父         | E-RES-0021 | 続柄「祖父」は使用できません。「父の父 または 母の父」と記載してください。
            嫁           | E-RES-0021 | 続柄「嫁」は使用できません。「子の妻」と記載してください。
            内縁の妻      | E-RES-0021 | 続柄「内縁の妻」は使用できません。「妻（未届）」と記載してください。
            孫の妻        | E-RES-0021 | 続柄「孫の妻」は使用できません。「子の子の妻」と記載してください。
            妻(未届)      | E-RES-0022 | 続柄「妻(未届)」の括弧は全角で「妻（未届）」と記載してください。
            夫(未届)の子   | E-RES-0022 | 続柄「夫(未届)の子」の括弧は全角で「夫（未届）の子」と記載してください。
            友人         | E-RES-0023 | 続柄「友人」は標準の続柄ではありません。世帯主、夫、妻、夫（未届）、妻（未届）、子、父、母、兄、姉、弟、妹とその「の」つなぎ（例: 子の妻、4つまで）、縁故者、同居人から記載してください。
            子の         | E-RES-0023 | 続柄「子の」は標準の続柄ではありません。世帯主、夫、妻、夫（未届）、妻（未届）、子、父、母、兄、姉、弟、妹とその「の」つなぎ（例: 子の妻、4つまで）、縁故者、同居人から記載してください。
            世帯主の子     | E-RES-0023 | 続柄「世帯主の子」は標準の続柄ではありません。世帯主、夫、妻、夫（未届）、妻（未届）、子、父、母、兄、姉、弟、妹とその「の」つなぎ（例: 子の妻、4つまで）、縁故者、同居人から記載してください。
            祖父の子      | E-RES-0023 | 続柄「祖父の子」は標準の続柄ではありません。世帯主、夫、妻、夫（未届）、妻（未届）、子、父、母、兄、姉、弟、妹とその「の」つなぎ（例: 子の妻、4つまで）、縁故者、同居人から記載してください。
            """)
    void refusesNonStandardFormsNamingTheStandardOne(String written, String messageId, String message) {
        assertThatThrownBy(() -> Relationship.parse(written)).isInstanceOfSatisfying(BusinessException.class, refusal -> {
            assertThat(refusal.messageId().value()).isEqualTo(messageId);
            assertThat(refusal.japaneseMessage()).isEqualTo(message);
        });
    }
}
