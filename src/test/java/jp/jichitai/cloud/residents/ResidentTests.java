package jp.jichitai.cloud.residents;

import static jp.jichitai.cloud.residents.ResidentFixture.anyForeignResident;
import static jp.jichitai.cloud.residents.ResidentFixture.anyJapaneseResident;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import jp.jichitai.cloud.shared.BusinessException;

class ResidentTests {

    @Test
    void buildsBothKindsOfResident() {
        assertThat(anyJapaneseResident(1).build().familyRegister()).isPresent();
        assertThat(anyForeignResident(2).build().foreignItems()).isPresent();
    }

    static Stream<Arguments> refusedSnapshots() {
        return Stream.of(
                refused("外国人 without foreign items", "E-RES-0034", "外国人住民には国籍・地域、アルファベット氏名、30条の45区分が必要です。",
                        () -> anyForeignResident(2).foreignItems(Optional.empty()).build()),
                refused("外国人 with 本籍", "E-RES-0035", "本籍・筆頭者は日本人住民にだけ記載します。外国人住民には国籍・地域を記載してください。",
                        () -> anyForeignResident(2).familyRegister(Optional.of(new FamilyRegister("北海道名寄市", "名寄 太郎"))).build()),
                refused("日本人 with foreign items", "E-RES-0036", "国籍・地域などの外国人住民の項目は日本人住民には記載しません。",
                        () -> anyJapaneseResident(1).foreignItems(Optional.of(ResidentFixture.midToLongTermItems())).build()),
                refused("外国人 with 旧氏", "E-RES-0037", "旧氏は日本人住民にだけ記載します。",
                        () -> anyForeignResident(2).formerSurname(Optional.of(PersonName.of("山田", "ヤマダ"))).build()),
                refused("日本人 with 通称", "E-RES-0038", "通称は外国人住民にだけ記載します。",
                        () -> anyJapaneseResident(1).commonName(Optional.of(PersonName.of("山田", "ヤマダ"))).build()),
                refused("no nationality", "E-RES-0034", "外国人住民には国籍・地域が必要です。",
                        () -> new ForeignResidentItems(" ", "SMITH JOHN", ForeignResidentCategory.TRANSITIONAL_STAY,
                                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), RecordedDate.parse("20240101"))),
                refused("中長期在留者 without 在留資格", "E-RES-0047", "中長期在留者には在留資格が必要です。",
                        () -> new ForeignResidentItems("ベトナム", "NGUYEN VAN A", ForeignResidentCategory.MID_TO_LONG_TERM_RESIDENT,
                                Optional.empty(), Optional.of("1年"), Optional.of(RecordedDate.parse("20260101")),
                                Optional.of(new ResidenceCardNumber("AB12345678CD")), RecordedDate.parse("20240101"))),
                refused("特別永住者 without certificate number", "E-RES-0047", "特別永住者には在留カード等番号が必要です。",
                        () -> new ForeignResidentItems("韓国", "KIM MINSU", ForeignResidentCategory.SPECIAL_PERMANENT_RESIDENT,
                                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), RecordedDate.parse("19520428"))),
                refused("仮滞在者 without 満了日", "E-RES-0047", "仮滞在者には在留期間の満了日が必要です。",
                        () -> new ForeignResidentItems("トルコ", "YILMAZ ALI", ForeignResidentCategory.PROVISIONAL_STAY,
                                Optional.empty(), Optional.of("6月"), Optional.empty(), Optional.empty(), RecordedDate.parse("20240101"))),
                refused("bad card number", "E-RES-0019", "在留カード等番号「AB1234567CD」は使用できません。英字2桁・数字8桁・英字2桁（例: AB12345678CD）で入力してください。",
                        () -> new ResidenceCardNumber("AB1234567CD")),
                refused("bad postal code", "E-RES-0018", "郵便番号「96-0011」は使用できません。7桁の数字（例: 096-0011）で入力してください。",
                        () -> PostalCode.parse("96-0011")),
                refused("half-width reading", "E-RES-0025", "フリガナ「ﾅﾖﾛ」は全角カタカナで入力してください。",
                        () -> PersonName.of("名寄", "ﾅﾖﾛ")),
                refused("empty name", "E-RES-0024", "氏名を入力してください。", () -> PersonName.of(" ", "")));
    }

    private static Arguments refused(String rule, String messageId, String message, Supplier<Object> attempt) {
        return Arguments.of(rule, messageId, message, attempt);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedSnapshots")
    void refusesItemsThatDoNotBelongToTheKindOfResident(String rule, String messageId, String message, Supplier<Object> attempt) {
        assertThatThrownBy(attempt::get).isInstanceOfSatisfying(BusinessException.class, refusal -> {
            assertThat(refusal.messageId().value()).isEqualTo(messageId);
            assertThat(refusal.japaneseMessage()).isEqualTo(message);
        });
    }

    @Test
    void aPermanentResidentHasNoPeriodOfStayWhileOtherMidToLongTermResidentsNeedOne() {
        ForeignResidentItems permanent = new ForeignResidentItems("ブラジル", "SILVA ANA", ForeignResidentCategory.MID_TO_LONG_TERM_RESIDENT,
                Optional.of(ForeignResidentItems.PERMANENT_RESIDENT), Optional.empty(), Optional.empty(),
                Optional.of(new ResidenceCardNumber("AB12345678CD")), RecordedDate.parse("20120709"));
        assertThat(permanent.periodOfStay()).isEmpty();
        assertThatThrownBy(() -> new ForeignResidentItems("ブラジル", "SILVA ANA", ForeignResidentCategory.MID_TO_LONG_TERM_RESIDENT,
                Optional.of("定住者"), Optional.empty(), Optional.empty(), Optional.of(new ResidenceCardNumber("AB12345678CD")),
                RecordedDate.parse("20120709")))
                .isInstanceOfSatisfying(BusinessException.class,
                        refusal -> assertThat(refusal.messageId().value()).isEqualTo("E-RES-0047"));
    }

    @Test
    void storedNamesAreNeverNormalised() {
        Resident resident = anyJapaneseResident(1).name(PersonName.of("髙\uFA11 \uFA19子", "タカサキ シンコ")).build();

        assertThat(resident.name().name()).isEqualTo("髙\uFA11 \uFA19子");
        assertThat(SearchKeys.nameKey(resident.name().name())).isEqualTo("高崎神子");
    }
}
