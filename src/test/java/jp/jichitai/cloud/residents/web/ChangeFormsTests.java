package jp.jichitai.cloud.residents.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import jp.jichitai.cloud.residents.Address;
import jp.jichitai.cloud.residents.AdministrativeDistrict;
import jp.jichitai.cloud.residents.AtenaNumber;
import jp.jichitai.cloud.residents.ChangeRequest;
import jp.jichitai.cloud.residents.Entitlements;
import jp.jichitai.cloud.residents.HouseholdNumber;
import jp.jichitai.cloud.residents.NationalPensionCategory;
import jp.jichitai.cloud.residents.PersonName;
import jp.jichitai.cloud.residents.PostalCode;
import jp.jichitai.cloud.residents.RecordedDate;
import jp.jichitai.cloud.residents.Relationship;
import jp.jichitai.cloud.residents.Resident;
import jp.jichitai.cloud.residents.ResidentKind;
import jp.jichitai.cloud.residents.ResidentRecordCode;
import jp.jichitai.cloud.residents.ResidentStatus;
import jp.jichitai.cloud.residents.Sex;
import jp.jichitai.cloud.shared.ApiError;

/** The 異動 form's 住民票コード and 資格 inputs: what they become, and each wrong input's field and Japanese message. */
class ChangeFormsTests {

    /** The town's 行政区 (名寄市's first two). */
    static final List<AdministrativeDistrict> DISTRICTS = List.of(new AdministrativeDistrict("010100", "西1条南"),
            new AdministrativeDistrict("010200", "西1条北"));

    /** A valid 住民票コード: ten data digits and their modulus-11 check digit. */
    static final String CODE = "1234567890" + ResidentRecordCode.checkDigitOf("1234567890");

    static ChangeForm moveIn() {
        ChangeForm form = new ChangeForm();
        form.setKind("move-in");
        form.setChangedOn("20250401");
        form.setNotifiedOn("20250401");
        form.setName("名寄　花子");
        form.setKana("ナヨロ　ハナコ");
        form.setBirthDate("昭和45年3月1日");
        form.setSex("FEMALE");
        form.setPostalCode("096-0011");
        form.setAddress("北海道名寄市西1条南7丁目");
        form.setDistrict("010100");
        return form;
    }

    static ChangeRequest.MoveIn request(ChangeForm form) {
        return (ChangeRequest.MoveIn) ChangeForms.toRequest(ChangeSheet.MOVE_IN, Optional.empty(), form, DISTRICTS);
    }

    @Test
    void aMoveInCarriesTheCodeAndTheTickedEntitlements() {
        ChangeForm form = moveIn();
        form.setResidentRecordCode(" " + toFullWidth(CODE.substring(0, 6)) + "-" + CODE.substring(6) + " ");
        form.setOnElectoralRoll(true);
        form.setNationalHealthInsurance(true);
        form.setLongTermCareInsurance(true);
        form.setNationalPension("CATEGORY_1");
        ChangeRequest.MoveIn request = request(form);
        assertThat(request.person().residentRecordCode()).contains(ResidentRecordCode.of(CODE));
        assertThat(request.person().entitlements()).isEqualTo(new Entitlements(true, true, false, true,
                NationalPensionCategory.CATEGORY_1, false));
    }

    @Test
    void boxesLeftEmptyMeanNoEntitlementAndNoCode() {
        ChangeRequest.MoveIn request = request(moveIn());
        assertThat(request.person().residentRecordCode()).isEmpty();
        assertThat(request.person().entitlements()).isEqualTo(Entitlements.none());
    }

    @ParameterizedTest(name = "{0}={1} → {2}")
    @CsvSource(delimiter = '|', textBlock = """
            residentRecordCode | 1234567890   | residentRecordCode          | 住民票コードは11桁の半角数字で入力してください。
            residentRecordCode | 1234567890X  | residentRecordCode          | 住民票コードは11桁の半角数字で入力してください。
            residentRecordCode | WRONG_DIGIT  | residentRecordCode          | 住民票コードの検査数字が正しくありません。番号を確認してください。
            nationalPension    | 第4号被保険者 | nationalPension             | 国民年金の種別は、なし・第1号被保険者・第2号被保険者・第3号被保険者・任意加入被保険者から選んでください。
            bothInsurances     | true         | lateStageElderlyMedicalCare | 国民健康保険と後期高齢者医療の資格は同時に記載できません。どちらか一方を選んでください。
            foreignVoter       | true         | onElectoralRoll             | 外国人住民は選挙人名簿に登録されません。選挙人名簿登録の印を外してください。
            district           | ''           | district                    | 行政区を選んでください。住所には、この団体の行政区が必要です。
            district           | '　'         | district                    | 行政区を選んでください。住所には、この団体の行政区が必要です。
            district           | 000100       | district                    | 行政区コード「000100」はこの団体の行政区にありません。行政区の一覧から選んでください。
            """)
    void wrongInputIsReportedOnItsFieldInJapanese(String input, String value, String field, String message) {
        ChangeForm form = moveIn();
        inputs(input).accept(form, value);
        ChangeForms.InvalidForm invalid = catchThrowableOfType(ChangeForms.InvalidForm.class, () -> request(form));
        assertThat(invalid).as(input).isNotNull();
        assertThat(invalid.errors()).containsExactly(new ApiError.FieldError(field, message));
    }

    private static BiConsumer<ChangeForm, String> inputs(String input) {
        return switch (input) {
            case "residentRecordCode" -> (form, value) -> form.setResidentRecordCode(
                    value.equals("WRONG_DIGIT") ? CODE.substring(0, 10) + (CODE.charAt(10) == '9' ? '0' : (char) (CODE.charAt(10) + 1)) : value);
            case "nationalPension" -> ChangeForm::setNationalPension;
            case "district" -> ChangeForm::setDistrict;
            case "bothInsurances" -> (form, value) -> {
                form.setNationalHealthInsurance(Boolean.valueOf(value));
                form.setLateStageElderlyMedicalCare(Boolean.valueOf(value));
            };
            case "foreignVoter" -> (form, value) -> {
                form.setResidentKind("FOREIGN");
                form.setNationality("アメリカ合衆国");
                form.setAlphabetName("SMITH HANA");
                form.setForeignCategory("MID_TO_LONG_TERM_RESIDENT");
                form.setStatusOfResidence("技術・人文知識・国際業務");
                form.setPeriodOfStay("3年");
                form.setPeriodExpiresOn("2027-03-31");
                form.setCardNumber("AB12345678CD");
                form.setOnElectoralRoll(Boolean.valueOf(value));
            };
            default -> throw new IllegalArgumentException(input);
        };
    }

    @Test
    void aCorrectionChangesOnlyTheEntitlementsGivenAndKeepsTheOthers() {
        Resident subject = subject(new Entitlements(true, true, false, true, NationalPensionCategory.CATEGORY_1, true));
        ChangeForm form = new ChangeForm();
        form.setChangedOn("20250401");
        form.setNationalHealthInsurance(false);
        form.setLateStageElderlyMedicalCare(true);
        form.setNationalPension("NOT_INSURED");
        var correction = (ChangeRequest.Correction) ChangeForms.toRequest(ChangeSheet.EX_OFFICIO_CORRECTION, Optional.of(subject), form, DISTRICTS);
        assertThat(correction.items().entitlements()).contains(new Entitlements(true, false, true, true,
                NationalPensionCategory.NOT_INSURED, true));
        assertThat(correction.items().residentRecordCode()).isEmpty();
    }

    @Test
    void aCorrectionWithoutEntitlementsLeavesThemAlone() {
        ChangeForm form = new ChangeForm();
        form.setChangedOn("20250401");
        form.setResidentRecordCode(CODE);
        var correction = (ChangeRequest.Correction) ChangeForms.toRequest(ChangeSheet.EX_OFFICIO_CORRECTION,
                Optional.of(subject(Entitlements.none())), form, DISTRICTS);
        assertThat(correction.items().entitlements()).isEmpty();
        assertThat(correction.items().residentRecordCode()).contains(ResidentRecordCode.of(CODE));
    }

    @Test
    void aCorrectionThatWouldLeaveBothInsurancesIsRefused() {
        Resident subject = subject(new Entitlements(false, true, false, false, NationalPensionCategory.NOT_INSURED, false));
        ChangeForm form = new ChangeForm();
        form.setChangedOn("20250401");
        form.setLateStageElderlyMedicalCare(true);
        ChangeForms.InvalidForm invalid = catchThrowableOfType(ChangeForms.InvalidForm.class,
                () -> ChangeForms.toRequest(ChangeSheet.EX_OFFICIO_CORRECTION, Optional.of(subject), form, DISTRICTS));
        assertThat(invalid.errors()).extracting(ApiError.FieldError::field).containsExactly("lateStageElderlyMedicalCare");
    }

    @Test
    void aRelocationWithoutADistrictIsRefusedOnTheDistrictField() {
        ChangeForm form = new ChangeForm();
        form.setChangedOn("20250401");
        form.setNotifiedOn("20250401");
        form.setPostalCode("096-0012");
        form.setAddress("北海道名寄市西1条北2丁目");
        ChangeForms.InvalidForm invalid = catchThrowableOfType(ChangeForms.InvalidForm.class,
                () -> ChangeForms.toRequest(ChangeSheet.RELOCATION, Optional.of(subject(Entitlements.none())), form, DISTRICTS));
        assertThat(invalid.errors()).containsExactly(new ApiError.FieldError("district",
                "行政区を選んでください。住所には、この団体の行政区が必要です。"));

        form.setDistrict("010200");
        var relocation = (ChangeRequest.Relocation) ChangeForms.toRequest(ChangeSheet.RELOCATION,
                Optional.of(subject(Entitlements.none())), form, DISTRICTS);
        assertThat(relocation.newAddress().administrativeDistrict()).isEqualTo("010200");
    }

    @Test
    void aMoveInJoiningAHouseholdNeedsNoDistrictOfItsOwn() {
        ChangeForm form = moveIn();
        form.setDistrict(null);
        form.setHousehold("12");
        form.setRelationship("妻");
        assertThat(request(form).joinHousehold()).isPresent();
    }

    @Test
    void aCorrectionMayGiveTheDistrictButOnlyOneOfTheTowns() {
        ChangeForm form = new ChangeForm();
        form.setChangedOn("20250401");
        form.setDistrict("010200");
        var correction = (ChangeRequest.Correction) ChangeForms.toRequest(ChangeSheet.EX_OFFICIO_CORRECTION,
                Optional.of(subject(Entitlements.none())), form, DISTRICTS);
        assertThat(correction.items().administrativeDistrict()).contains("010200");
        assertThat(correction.items().isEmpty()).isFalse();

        form.setDistrict("999999");
        ChangeForms.InvalidForm invalid = catchThrowableOfType(ChangeForms.InvalidForm.class,
                () -> ChangeForms.toRequest(ChangeSheet.EX_OFFICIO_CORRECTION, Optional.of(subject(Entitlements.none())),
                        form, DISTRICTS));
        assertThat(invalid.errors()).extracting(ApiError.FieldError::field).containsExactly("district");
    }

    static ChangeForm birth() {
        ChangeForm form = new ChangeForm();
        form.setKind("birth");
        form.setChangedOn("20250401");
        form.setNotifiedOn("20250402");
        form.setName("名寄　次郎");
        form.setKana("ナヨロ　ジロウ");
        form.setSex("MALE");
        form.setRelationship("子");
        return form;
    }

    @Test
    void aBirthCarriesTheNewbornsHealthInsuranceAndChildAllowance() {
        ChangeForm form = birth();
        form.setNationalHealthInsurance(true);
        form.setChildAllowance(true);
        var request = (ChangeRequest.Birth) ChangeForms.toRequest(ChangeSheet.BIRTH,
                Optional.of(subject(Entitlements.none())), form, DISTRICTS);
        assertThat(request.entitlements()).isEqualTo(new Entitlements(false, true, false, false,
                NationalPensionCategory.NOT_INSURED, true));
        var empty = (ChangeRequest.Birth) ChangeForms.toRequest(ChangeSheet.BIRTH, Optional.of(subject(Entitlements.none())), birth(), DISTRICTS);
        assertThat(empty.entitlements()).isEqualTo(Entitlements.none());
    }

    @ParameterizedTest(name = "birth with {0}")
    @CsvSource({"onElectoralRoll", "lateStageElderlyMedicalCare", "longTermCareInsurance", "nationalPension"})
    void aBirthRefusesEntitlementsANewbornCannotHold(String field) {
        ChangeForm form = birth();
        switch (field) {
            case "onElectoralRoll" -> form.setOnElectoralRoll(true);
            case "lateStageElderlyMedicalCare" -> form.setLateStageElderlyMedicalCare(true);
            case "longTermCareInsurance" -> form.setLongTermCareInsurance(true);
            default -> form.setNationalPension("CATEGORY_1");
        }
        ChangeForms.InvalidForm invalid = catchThrowableOfType(ChangeForms.InvalidForm.class,
                () -> ChangeForms.toRequest(ChangeSheet.BIRTH, Optional.of(subject(Entitlements.none())), form, DISTRICTS));
        assertThat(invalid.errors()).extracting(ApiError.FieldError::field, ApiError.FieldError::message)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(field, "出生の届では、国民健康保険と児童手当のほかの資格"
                        + "（選挙人名簿登録・後期高齢者医療・介護保険・国民年金）は記載できません。"));
    }

    private static Resident subject(Entitlements entitlements) {
        return Resident.builder().atenaNumber(AtenaNumber.issued(100)).householdNumber(HouseholdNumber.issued(500))
                .kind(ResidentKind.JAPANESE).status(ResidentStatus.RESIDENT).name(PersonName.of("名寄　太郎", "ナヨロ　タロウ"))
                .birthDate(RecordedDate.parse("昭和20年3月1日")).sex(Sex.MALE).relationship(Relationship.HOUSEHOLD_HEAD)
                .address(new Address(PostalCode.parse("096-0011"), "北海道名寄市西1条南1丁目1番地", "010100", ""))
                .becameResidentOn(RecordedDate.parse("19700301")).addressSettledOn(RecordedDate.parse("19700301"))
                .changedOn(LocalDate.of(1970, 3, 1)).entitlements(entitlements).build();
    }

    private static String toFullWidth(String digits) {
        StringBuilder out = new StringBuilder();
        digits.chars().forEach(c -> out.append((char) (c - '0' + '０')));
        return out.toString();
    }
}
