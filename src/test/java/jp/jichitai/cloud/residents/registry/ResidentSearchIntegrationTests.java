package jp.jichitai.cloud.residents.registry;

import static jp.jichitai.cloud.residents.registry.RegistryFixture.TODAY;
import static jp.jichitai.cloud.residents.registry.RegistryFixture.asClerk;
import static jp.jichitai.cloud.residents.registry.RegistryFixture.moveInHead;
import static jp.jichitai.cloud.support.TestUsers.NAYORO;
import static jp.jichitai.cloud.support.TestUsers.SHIBETSU;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

import jp.jichitai.cloud.residents.AtenaNumber;
import jp.jichitai.cloud.residents.ChangeKind;
import jp.jichitai.cloud.residents.ChangeRequest;
import jp.jichitai.cloud.residents.ResidentSummary;
import jp.jichitai.cloud.residents.Residents;
import jp.jichitai.cloud.support.IntegrationTest;

/** The standard search through the service, over residents recorded by the service. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ResidentSearchIntegrationTests extends IntegrationTest {

    @Autowired
    Residents residents;

    AtenaNumber hashiTaka;
    AtenaNumber ladderTaka;
    AtenaNumber removedTaka;
    AtenaNumber saito;
    AtenaNumber mover;

    @BeforeAll
    void record() {
        asClerk(NAYORO, () -> {
            hashiTaka = moveInHead(residents, "高橋　一二三", "タカハシ　ヒフミ", "昭和50年4月1日", "北海道名寄市西1条南3丁目1番地").residents().get(0);
            ladderTaka = moveInHead(residents, "髙橋　一二三", "タカハシ　ヒフミ", "昭和51年4月1日", "北海道名寄市西1条南3丁目2番地").residents().get(0);
            removedTaka = moveInHead(residents, "高橋　一二三", "タカハシ　ヒフミ", "昭和40年4月1日", "北海道名寄市西1条南3丁目3番地").residents().get(0);
            residents.record(new ChangeRequest.MoveOut(ChangeKind.DOMESTIC_MOVE_OUT, List.of(removedTaka), TODAY,
                    Optional.of(TODAY), "北海道札幌市", OptionalInt.empty()));
            saito = moveInHead(residents, "齋藤　六三郎", "サイトウ　ロクサブロウ", "19800101", "北海道名寄市東1条南1丁目").residents().get(0);
            mover = moveInHead(residents, "成田　九十九", "ナリタ　ツクモ", "19900505", "北海道名寄市智恵文999番地").residents().get(0);
            residents.record(new ChangeRequest.Relocation(mover, TODAY.minusDays(1), Optional.of(TODAY),
                    RegistryFixture.address("北海道名寄市日進777番地"), OptionalInt.empty()));
            return null;
        });
        asClerk(SHIBETSU, () -> moveInHead(residents, "高橋　一二三", "タカハシ　ヒフミ", "昭和50年4月1日", "北海道士別市東1条1丁目"));
    }

    private List<ResidentSummary> search(String query) {
        return asClerk(NAYORO, () -> residents.search(query));
    }

    private List<AtenaNumber> numbers(String query) {
        return search(query).stream().map(ResidentSummary::atenaNumber).toList();
    }

    @Test
    void hiraganaFindsTheLadderTakahashi() {
        assertThat(numbers("たかはし ひふみ")).contains(hashiTaka, ladderTaka, removedTaka);
    }

    @Test
    void exactNameComesBeforeTheVariantAndCurrentBeforeRemoved() {
        List<AtenaNumber> found = numbers("高橋　一二三");
        assertThat(found).containsSubsequence(hashiTaka, removedTaka, ladderTaka);
        List<ResidentSummary> rows = search("高橋　一二三");
        assertThat(rows.get(0).match()).isEqualTo(ResidentSummary.Match.EXACT);
        assertThat(rows.stream().filter(row -> row.atenaNumber().equals(ladderTaka)).findFirst().orElseThrow().match())
                .isEqualTo(ResidentSummary.Match.FOLDED);
    }

    @Test
    void removedRecordsComeAfterCurrentOnesOfTheSameMatch() {
        List<AtenaNumber> found = numbers("ヒフミ");
        assertThat(found.indexOf(removedTaka)).isGreaterThan(found.indexOf(hashiTaka)).isGreaterThan(found.indexOf(ladderTaka));
        assertThat(search("ヒフミ").get(found.indexOf(removedTaka)).status().isRemoved()).isTrue();
    }

    @Test
    void theVariantWrittenSurnameFindsThePlainOneToo() {
        assertThat(numbers("髙橋")).contains(hashiTaka, ladderTaka);
        assertThat(numbers("高")).contains(hashiTaka, ladderTaka);
        ResidentSummary first = search("髙橋").get(0);
        assertThat(first.name()).startsWith("髙橋");
        assertThat(first.match()).isEqualTo(ResidentSummary.Match.EXACT);
    }

    @Test
    void saitoWithAnotherCharacterIsAnotherName() {
        assertThat(numbers("斎藤")).contains(saito);
        assertThat(numbers("斉藤")).doesNotContain(saito);
    }

    @Test
    void givenNameAloneFindsThePerson() {
        assertThat(numbers("ロクサブロウ")).contains(saito);
        assertThat(numbers("六三郎")).contains(saito);
    }

    @Test
    void readingWithBirthDateAndDateAloneFindThePerson() {
        assertThat(numbers("サイトウ ロクサブロウ 19800101")).containsExactly(saito);
        assertThat(numbers("サイトー　ろくさぶろー 昭和55年1月1日")).containsExactly(saito);
        assertThat(numbers("S55.1.1")).contains(saito);
    }

    @Test
    void pastAndCurrentAddressFindAMovedPerson() {
        assertThat(numbers("智恵文999")).containsExactly(mover);
        assertThat(numbers("日進777")).containsExactly(mover);
    }

    @Test
    void numbersFindTheRecordAndTheHousehold() {
        ResidentSummary row = search("高橋　一二三").get(0);
        assertThat(numbers(row.atenaNumber().value())).startsWith(row.atenaNumber());
        assertThat(numbers(row.householdNumber().value())).contains(row.atenaNumber());
    }

    @Test
    void anotherTownsResidentsAreNeverFound() {
        List<ResidentSummary> inShibetsu = asClerk(SHIBETSU, () -> residents.search("タカハシ ヒフミ"));
        assertThat(inShibetsu).hasSize(1);
        assertThat(inShibetsu.get(0).address()).contains("士別市");
        assertThat(search("タカハシ ヒフミ")).hasSize(3).allSatisfy(row -> assertThat(row.address()).contains("名寄市"));
        assertThat(asClerk(SHIBETSU, () -> residents.search("タカハシ"))).isNotEmpty()
                .allSatisfy(row -> assertThat(row.address()).doesNotContain("名寄市"));
    }

    @Test
    void searchShowsTheBirthDateInTheEraAsRecorded() {
        assertThat(search("齋藤").get(0).birthDate()).isEqualTo("昭和55年1月1日");
    }
}
