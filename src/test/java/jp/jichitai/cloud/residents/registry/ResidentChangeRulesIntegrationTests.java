package jp.jichitai.cloud.residents.registry;

import static jp.jichitai.cloud.residents.registry.RegistryFixture.TODAY;
import static jp.jichitai.cloud.residents.registry.RegistryFixture.asClerk;
import static jp.jichitai.cloud.residents.registry.RegistryFixture.moveInHead;
import static jp.jichitai.cloud.residents.registry.RegistryFixture.moveInMember;
import static jp.jichitai.cloud.support.TestUsers.NAYORO;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authorization.AuthorizationDeniedException;

import jp.jichitai.cloud.identity.Role;
import jp.jichitai.cloud.residents.AtenaNumber;
import jp.jichitai.cloud.residents.ChangeKind;
import jp.jichitai.cloud.residents.Entitlements;
import jp.jichitai.cloud.residents.NationalPensionCategory;
import jp.jichitai.cloud.residents.ChangeReceipt;
import jp.jichitai.cloud.residents.ChangeRequest;
import jp.jichitai.cloud.residents.CorrectedItems;
import jp.jichitai.cloud.residents.HouseholdNumber;
import jp.jichitai.cloud.residents.HouseholdView;
import jp.jichitai.cloud.residents.IndividualNumber;
import jp.jichitai.cloud.residents.PersonName;
import jp.jichitai.cloud.residents.RecordedDate;
import jp.jichitai.cloud.residents.Relationship;
import jp.jichitai.cloud.residents.ResidentRecord;
import jp.jichitai.cloud.residents.ResidentStatus;
import jp.jichitai.cloud.residents.Residents;
import jp.jichitai.cloud.residents.Sex;
import jp.jichitai.cloud.shared.BusinessException;
import jp.jichitai.cloud.support.IntegrationTest;

/** Every 異動 through the service: what it appends, and each rule refused with its Japanese message. */
class ResidentChangeRulesIntegrationTests extends IntegrationTest {

    @Autowired
    Residents residents;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactions;

    /** Reads as the town (row-level security on PostgreSQL lets a query see only the bound tenant's rows). */
    <T> T inNayoro(java.util.function.Supplier<T> query) {
        return jp.jichitai.cloud.tenancy.TenantContext.callAs(NAYORO,
                () -> new org.springframework.transaction.support.TransactionTemplate(transactions).execute(status -> query.get()));
    }

    /** A family of three: head 名寄太郎, wife 花子, child 一郎. */
    record Family(HouseholdNumber household, AtenaNumber head, AtenaNumber wife, AtenaNumber child) {
    }

    Family family() {
        return asClerk(NAYORO, () -> {
            ChangeReceipt head = moveInHead(residents, "名寄　太郎", "ナヨロ　タロウ", "昭和45年3月1日", "北海道名寄市西3条南1丁目");
            HouseholdNumber household = head.households().get(0);
            AtenaNumber wife = moveInMember(residents, household, "名寄　花子", "ナヨロ　ハナコ", "昭和47年5月5日", Sex.FEMALE, "妻")
                    .residents().get(0);
            AtenaNumber child = moveInMember(residents, household, "名寄　一郎", "ナヨロ　イチロウ", "平成12年1月1日", Sex.MALE, "子")
                    .residents().get(0);
            return new Family(household, head.residents().get(0), wife, child);
        });
    }

    static Stream<Arguments> refusedChanges() {
        return Stream.of(
                Arguments.of("転居の異動日が未来", "E-RES-0030", "未来の日付にできるのは転出の予定日だけです",
                        (Function<Family, ChangeRequest>) f -> new ChangeRequest.Relocation(f.child(), TODAY.plusDays(3),
                                Optional.of(TODAY), RegistryFixture.address("北海道名寄市東1条南1丁目"), OptionalInt.empty())),
                Arguments.of("届出日が未来", "E-RES-0044", "届出日",
                        (Function<Family, ChangeRequest>) f -> new ChangeRequest.Relocation(f.child(), TODAY,
                                Optional.of(TODAY.plusDays(2)), RegistryFixture.address("北海道名寄市東1条南1丁目"), OptionalInt.empty())),
                Arguments.of("世帯主の世帯分離", "E-RES-0065", "先に世帯主変更をしてください",
                        (Function<Family, ChangeRequest>) f -> new ChangeRequest.HouseholdSeparation(f.head(), TODAY,
                                Optional.of(TODAY), OptionalInt.empty())),
                Arguments.of("世帯主だけの転出", "E-RES-0069", "新しい世帯主を指定してください",
                        (Function<Family, ChangeRequest>) f -> new ChangeRequest.MoveOut(ChangeKind.DOMESTIC_MOVE_OUT,
                                List.of(f.head()), TODAY.plusDays(7), Optional.of(TODAY), "札幌市", OptionalInt.empty())),
                Arguments.of("世帯主の死亡で新世帯主なし", "E-RES-0069", "世帯主（名寄　太郎）が世帯を離れ",
                        (Function<Family, ChangeRequest>) f -> new ChangeRequest.Death(f.head(), TODAY, Optional.of(TODAY),
                                Optional.empty(), OptionalInt.empty())),
                Arguments.of("死亡日が生年月日より前", "E-RES-0033", "死亡日",
                        (Function<Family, ChangeRequest>) f -> new ChangeRequest.Death(f.child(), java.time.LocalDate.of(1990, 1, 1),
                                Optional.of(TODAY), Optional.empty(), OptionalInt.empty())),
                Arguments.of("世帯主が二人になる世帯変更", "E-RES-0031", "世帯主は1人でなければなりません。いまは2人です",
                        (Function<Family, ChangeRequest>) f -> new ChangeRequest.HeadChange(f.household(), f.wife(),
                                Map.of(f.head(), Relationship.HOUSEHOLD_HEAD), TODAY, Optional.of(TODAY), OptionalInt.empty())),
                Arguments.of("世帯主変更で元の世帯主の続柄なし", "E-RES-0067", "新しい続柄を入力してください",
                        (Function<Family, ChangeRequest>) f -> new ChangeRequest.HeadChange(f.household(), f.wife(),
                                Map.of(), TODAY, Optional.of(TODAY), OptionalInt.empty())),
                Arguments.of("転出に国内転入の種類", "E-RES-0062", "この届では記録できません",
                        (Function<Family, ChangeRequest>) f -> new ChangeRequest.MoveOut(ChangeKind.DOMESTIC_MOVE_IN,
                                List.of(f.child()), TODAY, Optional.of(TODAY), "札幌市", OptionalInt.empty())),
                Arguments.of("旧氏がないのに旧氏変更", "E-RES-0074", "旧氏は記載されていません",
                        (Function<Family, ChangeRequest>) f -> new ChangeRequest.NameItem(ChangeKind.FORMER_SURNAME_CHANGE,
                                f.wife(), TODAY, Optional.of(TODAY), Optional.of(PersonName.of("札幌", "サッポロ")), OptionalInt.empty())),
                Arguments.of("日本人に通称", "E-RES-0038", "通称は外国人住民にだけ記載します",
                        (Function<Family, ChangeRequest>) f -> new ChangeRequest.NameItem(ChangeKind.COMMON_NAME_ENTRY,
                                f.wife(), TODAY, Optional.of(TODAY), Optional.of(PersonName.of("ハナ", "ハナ")), OptionalInt.empty())),
                Arguments.of("修正する項目なし", "E-RES-0070", "修正する項目を入力してください",
                        (Function<Family, ChangeRequest>) f -> new ChangeRequest.Correction(ChangeKind.CLERICAL_ERROR_CORRECTION,
                                f.child(), TODAY, Optional.of(TODAY), CorrectedItems.none(), OptionalInt.empty())),
                Arguments.of("最初の記載の取消し", "E-RES-0040", "最初の記載は取り消せません",
                        (Function<Family, ChangeRequest>) f -> new ChangeRequest.Cancellation(f.child(), TODAY, "誤入力",
                                OptionalInt.empty())),
                Arguments.of("行政区のない転居", "E-RES-0083", "行政区を選んでください",
                        (Function<Family, ChangeRequest>) f -> new ChangeRequest.Relocation(f.child(), TODAY,
                                Optional.of(TODAY), RegistryFixture.address("北海道名寄市東1条南1丁目", ""), OptionalInt.empty())),
                Arguments.of("町にない行政区への転居", "E-RES-0084", "行政区コード「999999」はこの団体の行政区にありません",
                        (Function<Family, ChangeRequest>) f -> new ChangeRequest.Relocation(f.child(), TODAY,
                                Optional.of(TODAY), RegistryFixture.address("北海道名寄市東1条南1丁目", "999999"), OptionalInt.empty())),
                Arguments.of("今金町の行政区への転居", "E-RES-0084", "行政区コード「000600」はこの団体の行政区にありません",
                        (Function<Family, ChangeRequest>) f -> new ChangeRequest.Relocation(f.head(), TODAY,
                                Optional.of(TODAY), RegistryFixture.address("北海道名寄市花石1番地", "000600"), OptionalInt.empty())),
                Arguments.of("行政区のない転入", "E-RES-0083", "行政区を選んでください",
                        (Function<Family, ChangeRequest>) f -> new ChangeRequest.MoveIn(ChangeKind.DOMESTIC_MOVE_IN, TODAY,
                                Optional.of(TODAY), RegistryFixture.person("区無　太郎", "クナシ　タロウ", "19800101", Sex.MALE,
                                        Relationship.HOUSEHOLD_HEAD, RegistryFixture.address("北海道名寄市日進3番地", "")),
                                Optional.empty(), OptionalInt.empty())),
                Arguments.of("職権記載で町にない行政区", "E-RES-0084", "この団体の行政区にありません",
                        (Function<Family, ChangeRequest>) f -> new ChangeRequest.MoveIn(ChangeKind.EX_OFFICIO_ENTRY, TODAY,
                                Optional.empty(), RegistryFixture.person("区違　花子", "クチガイ　ハナコ", "19800101", Sex.FEMALE,
                                        Relationship.HOUSEHOLD_HEAD, RegistryFixture.address("北海道名寄市日進3番地", "999998")),
                                Optional.empty(), OptionalInt.empty())),
                Arguments.of("行政区の職権修正で町にない行政区", "E-RES-0084", "行政区コード「999997」",
                        (Function<Family, ChangeRequest>) f -> new ChangeRequest.Correction(ChangeKind.EX_OFFICIO_CORRECTION,
                                f.wife(), TODAY, Optional.empty(), new CorrectedItems(Optional.empty(), Optional.empty(),
                                        Optional.empty(), Optional.empty(), Optional.empty(), Optional.of("999997"),
                                        Optional.empty(), Optional.empty(), Optional.empty()), OptionalInt.empty())),
                Arguments.of("古い履歴番号での世帯の異動", "E-RES-0060", "他の職員が更新しました",
                        (Function<Family, ChangeRequest>) f -> new ChangeRequest.Relocation(f.child(), TODAY, Optional.of(TODAY),
                                RegistryFixture.address("北海道名寄市東1条南1丁目"), OptionalInt.of(1))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedChanges")
    void refusesWithTheJapaneseMessage(String rule, String messageId, String text, Function<Family, ChangeRequest> change) {
        Family family = family();
        int before = snapshotCount();
        assertThatThrownBy(() -> asClerk(NAYORO, () -> residents.record(change.apply(family))))
                .isInstanceOfSatisfying(BusinessException.class, refusal -> {
                    assertThat(refusal.messageId().value()).isEqualTo(messageId);
                    assertThat(refusal.japaneseMessage()).contains(text);
                });
        assertThat(snapshotCount()).as("nothing appended").isEqualTo(before);
    }

    @Test
    void aRemovedResidentCannotRelocate() {
        Family family = family();
        asClerk(NAYORO, () -> residents.record(new ChangeRequest.MoveOut(ChangeKind.DOMESTIC_MOVE_OUT, List.of(family.child()),
                TODAY, Optional.of(TODAY), "旭川市", OptionalInt.empty())));
        assertThatThrownBy(() -> asClerk(NAYORO, () -> residents.record(new ChangeRequest.Relocation(family.child(), TODAY,
                Optional.of(TODAY), RegistryFixture.address("北海道名寄市日進1番地"), OptionalInt.empty()))))
                .isInstanceOfSatisfying(BusinessException.class, refusal -> assertThat(refusal.japaneseMessage())
                        .isEqualTo("消除された住民（宛名番号 " + family.child() + "、転出）に転居は記録できません。"));
    }

    @Test
    void relocationAppendsASnapshotForEveryMemberAndKeepsThePastAddress() {
        Family family = family();
        ChangeReceipt receipt = asClerk(NAYORO, () -> residents.record(new ChangeRequest.Relocation(family.wife(), TODAY,
                Optional.of(TODAY), RegistryFixture.address("北海道名寄市東3条北2丁目"), OptionalInt.empty())));
        assertThat(receipt.residents()).containsExactlyInAnyOrder(family.head(), family.wife(), family.child());
        ResidentRecord head = asClerk(NAYORO, () -> residents.find(family.head())).orElseThrow();
        assertThat(head.history()).hasSize(2);
        assertThat(head.history().get(0).snapshot().address().text()).isEqualTo("北海道名寄市西3条南1丁目");
        assertThat(head.current().address().text()).isEqualTo("北海道名寄市東3条北2丁目");
        assertThat(head.history().get(1).change().kind()).isEqualTo(ChangeKind.MOVE_WITHIN_MUNICIPALITY);
        HouseholdView household = asClerk(NAYORO, () -> residents.household(family.household())).orElseThrow();
        assertThat(household.historyNumber()).isEqualTo(4);
        assertThat(household.timeline().get(0).change().kind()).isEqualTo(ChangeKind.MOVE_WITHIN_MUNICIPALITY);
    }

    @Test
    void separationThenCancellationRestoresTheHousehold() {
        Family family = family();
        ChangeReceipt separation = asClerk(NAYORO, () -> residents.record(new ChangeRequest.HouseholdSeparation(family.child(),
                TODAY, Optional.of(TODAY), OptionalInt.empty())));
        HouseholdNumber created = separation.households().stream().filter(number -> !number.equals(family.household()))
                .findFirst().orElseThrow();
        assertThat(created.isIssuedForm()).isTrue();
        assertThat(asClerk(NAYORO, () -> residents.find(family.child())).orElseThrow().current().relationship().isHouseholdHead())
                .isTrue();

        asClerk(NAYORO, () -> residents.record(new ChangeRequest.Cancellation(family.child(), TODAY, "届出の誤り", OptionalInt.empty())));

        ResidentRecord child = asClerk(NAYORO, () -> residents.find(family.child())).orElseThrow();
        assertThat(child.history()).extracting(entry -> entry.change().kind())
                .containsExactly(ChangeKind.DOMESTIC_MOVE_IN, ChangeKind.HOUSEHOLD_SEPARATION, ChangeKind.CANCELLATION);
        assertThat(child.current().householdNumber()).isEqualTo(family.household());
        assertThat(child.current().relationship().text()).isEqualTo("子");
        assertThat(asClerk(NAYORO, () -> residents.household(created)).orElseThrow().members()).isEmpty();
    }

    @Test
    void headChangeAndDeathOfTheHeadWithANewHead() {
        Family family = family();
        asClerk(NAYORO, () -> residents.record(new ChangeRequest.Death(family.head(), TODAY.minusDays(1), Optional.of(TODAY),
                Optional.of(family.wife()), OptionalInt.empty())));
        HouseholdView household = asClerk(NAYORO, () -> residents.household(family.household())).orElseThrow();
        assertThat(household.head()).contains(family.wife());
        assertThat(household.members()).extracting(member -> member.atenaNumber()).containsExactly(family.wife(), family.child());
        assertThat(household.formerMembers()).singleElement()
                .satisfies(former -> assertThat(former.status()).isEqualTo(ResidentStatus.DECEASED));
        assertThat(asClerk(NAYORO, () -> residents.search("ナヨロ タロウ")))
                .filteredOn(row -> row.atenaNumber().equals(family.head())).singleElement()
                .satisfies(row -> assertThat(row.isRemoved()).isTrue());
    }

    @Test
    void moveOutMayBePlannedInTheFuture() {
        Family family = family();
        asClerk(NAYORO, () -> residents.record(new ChangeRequest.MoveOut(ChangeKind.DOMESTIC_MOVE_OUT,
                List.of(family.head(), family.wife(), family.child()), TODAY.plusDays(14), Optional.of(TODAY), "札幌市中央区",
                OptionalInt.empty())));
        assertThat(asClerk(NAYORO, () -> residents.find(family.wife())).orElseThrow().current().status())
                .isEqualTo(ResidentStatus.MOVED_OUT);
        assertThat(asClerk(NAYORO, () -> residents.household(family.household())).orElseThrow().members()).isEmpty();
    }

    @Test
    void formerSurnameEntryCorrectionAndBirth() {
        Family family = family();
        asClerk(NAYORO, () -> residents.record(new ChangeRequest.NameItem(ChangeKind.FORMER_SURNAME_ENTRY, family.wife(), TODAY,
                Optional.of(TODAY), Optional.of(PersonName.of("髙橋", "タカハシ")), OptionalInt.empty())));
        assertThat(asClerk(NAYORO, () -> residents.search("たかはし"))).extracting(row -> row.atenaNumber()).contains(family.wife());
        asClerk(NAYORO, () -> residents.record(new ChangeRequest.Correction(ChangeKind.CLERICAL_ERROR_CORRECTION, family.child(),
                TODAY, Optional.of(TODAY), new CorrectedItems(Optional.empty(), Optional.of(RecordedDate.parse("平成12年2月30日")),
                        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                        Optional.empty()),
                OptionalInt.empty())));
        assertThat(asClerk(NAYORO, () -> residents.find(family.child())).orElseThrow().current().birthDate().toJapaneseEraText())
                .isEqualTo("平成12年2月30日");
        ChangeReceipt birth = asClerk(NAYORO, () -> residents.record(new ChangeRequest.Birth(TODAY.minusDays(3),
                Optional.of(TODAY), family.household(), PersonName.of("名寄　次郎", "ナヨロ　ジロウ"), Sex.MALE,
                Relationship.parse("子"), Optional.empty(),
                new Entitlements(false, true, false, false, NationalPensionCategory.NOT_INSURED, true), OptionalInt.empty())));
        assertThat(asClerk(NAYORO, () -> residents.household(family.household())).orElseThrow().members())
                .extracting(member -> member.atenaNumber()).contains(birth.residents().get(0));
        assertThat(asClerk(NAYORO, () -> residents.find(birth.residents().get(0))).orElseThrow().current().entitlements())
                .as("the newborn's 資格 as recorded on the 出生 form")
                .extracting(Entitlements::nationalHealthInsurance, Entitlements::childAllowance, Entitlements::onElectoralRoll)
                .containsExactly(true, true, false);
    }

    @Test
    void theDistrictOfAnAddressIsRecordedAndCanBeCorrected() {
        Family family = family();
        asClerk(NAYORO, () -> residents.record(new ChangeRequest.Relocation(family.head(), TODAY, Optional.of(TODAY),
                RegistryFixture.address("北海道名寄市智恵文10番地", "030100"), OptionalInt.empty())));
        assertThat(asClerk(NAYORO, () -> residents.find(family.child())).orElseThrow().current().address().administrativeDistrict())
                .as("every member moves into the 行政区").isEqualTo("030100");

        asClerk(NAYORO, () -> residents.record(new ChangeRequest.Correction(ChangeKind.EX_OFFICIO_CORRECTION, family.child(),
                TODAY, Optional.empty(), new CorrectedItems(Optional.empty(), Optional.empty(), Optional.empty(),
                        Optional.empty(), Optional.empty(), Optional.of("030200"), Optional.empty(), Optional.empty(),
                        Optional.empty()), OptionalInt.empty())));

        ResidentRecord child = asClerk(NAYORO, () -> residents.find(family.child())).orElseThrow();
        assertThat(child.current().address().administrativeDistrict()).isEqualTo("030200");
        assertThat(child.current().address().text()).as("only the 行政区 is corrected").isEqualTo("北海道名寄市智恵文10番地");
        assertThat(asClerk(NAYORO, () -> residents.districts())).extracting(district -> district.code())
                .contains("010100", "030100", "030200").doesNotContain("000600");
    }

    @Test
    void individualNumberIsEncryptedShownOnRequestAndEveryDisplayRecorded() {
        AtenaNumber atena = asClerk(NAYORO, () -> residents.record(new ChangeRequest.MoveIn(ChangeKind.DOMESTIC_MOVE_IN,
                TODAY, Optional.of(TODAY), RegistryFixture.withIndividualNumber(RegistryFixture.person("番号　有", "バンゴウ　アリ",
                        "19800101", Sex.MALE, Relationship.HOUSEHOLD_HEAD, "北海道名寄市日進1番地"), "123456789018"),
                Optional.empty(), OptionalInt.empty()))).residents().get(0);
        String stored = inNayoro(() -> jdbc.sql("SELECT individual_number_cipher FROM resident_snapshot "
                        + "WHERE tenant_id = ? AND atena_number = ?")
                .params(NAYORO.value(), atena.value()).query(String.class).single());
        assertThat(stored).isNotBlank().doesNotContain("123456789018");
        assertThat(asClerk(NAYORO, () -> residents.find(atena)).orElseThrow().current().individualNumber()).isEmpty();

        Optional<IndividualNumber> shown = asClerk(NAYORO, () -> residents.showIndividualNumber(atena, "本人確認"));
        assertThat(shown.map(IndividualNumber::value)).contains("123456789018");
        assertThat(inNayoro(() -> jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE tenant_id = ? "
                        + "AND action = 'individual-number.show' AND target = ?")
                .params(NAYORO.value(), "atena:" + atena).query(Long.class).single())).isEqualTo(1);
        assertThatThrownBy(() -> RegistryFixture.as(NAYORO, Role.AUDITOR, () -> residents.showIndividualNumber(atena, "監査")))
                .isInstanceOf(AuthorizationDeniedException.class);
    }

    @Test
    void anAuditorCannotRecordChanges() {
        Family family = family();
        assertThatThrownBy(() -> RegistryFixture.as(NAYORO, Role.AUDITOR, () -> residents.record(new ChangeRequest.Relocation(
                family.child(), TODAY, Optional.of(TODAY), RegistryFixture.address("北海道名寄市日進2番地"), OptionalInt.empty()))))
                .isInstanceOf(AuthorizationDeniedException.class);
    }

    private int snapshotCount() {
        int count = inNayoro(() -> jdbc.sql("SELECT COUNT(*) FROM resident_snapshot WHERE tenant_id = ?").param(NAYORO.value())
                .query(Integer.class).single());
        assertThat(count).as("the town's snapshots are visible").isPositive();
        return count;
    }
}
