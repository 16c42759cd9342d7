package jp.jichitai.cloud.residents;

import java.time.LocalDate;
import java.util.Optional;

/** Test snapshots: a Japanese and a foreign resident of 名寄市 with every required item filled in. */
final class ResidentFixture {

    static final LocalDate TODAY = LocalDate.of(2025, 4, 1);

    private ResidentFixture() {
    }

    static Resident.Builder anyJapaneseResident(long atenaSerial) {
        return Resident.builder()
                .atenaNumber(AtenaNumber.issued(atenaSerial))
                .householdNumber(HouseholdNumber.issued(500))
                .kind(ResidentKind.JAPANESE)
                .status(ResidentStatus.RESIDENT)
                .name(PersonName.of("名寄 太郎", "ナヨロ タロウ"))
                .birthDate(RecordedDate.parse("昭和45年3月1日"))
                .sex(Sex.MALE)
                .relationship(Relationship.HOUSEHOLD_HEAD)
                .familyRegister(Optional.of(new FamilyRegister("北海道名寄市大通南1丁目1番地", "名寄 太郎")))
                .address(new Address(PostalCode.parse("096-0011"), "北海道名寄市西1条南1丁目1番地", "010100", ""))
                .becameResidentOn(RecordedDate.parse("19700301"))
                .addressSettledOn(RecordedDate.parse("19700301"))
                .changedOn(LocalDate.of(1970, 3, 1))
                .entitlements(Entitlements.none());
    }

    static Resident.Builder anyForeignResident(long atenaSerial) {
        return Resident.builder()
                .atenaNumber(AtenaNumber.issued(atenaSerial))
                .householdNumber(HouseholdNumber.issued(600))
                .kind(ResidentKind.FOREIGN)
                .status(ResidentStatus.RESIDENT)
                .name(PersonName.of("SMITH JOHN", "スミス ジョン"))
                .birthDate(RecordedDate.parse("1990-05-20"))
                .sex(Sex.MALE)
                .relationship(Relationship.HOUSEHOLD_HEAD)
                .address(new Address(PostalCode.parse("0960011"), "北海道名寄市西1条南2丁目", "010100", "コーポ名寄 201号室"))
                .becameResidentOn(RecordedDate.parse("20230401"))
                .addressSettledOn(RecordedDate.parse("20230401"))
                .changedOn(LocalDate.of(2023, 4, 1))
                .entitlements(Entitlements.none())
                .foreignItems(Optional.of(midToLongTermItems()));
    }

    static ForeignResidentItems midToLongTermItems() {
        return new ForeignResidentItems("アメリカ合衆国", "SMITH JOHN", ForeignResidentCategory.MID_TO_LONG_TERM_RESIDENT,
                Optional.of("技術・人文知識・国際業務"), Optional.of("3年"), Optional.of(RecordedDate.parse("20260331")),
                Optional.of(new ResidenceCardNumber("AB12345678CD")), RecordedDate.parse("20230401"));
    }

    static Change moveIn(LocalDate on) {
        return Change.notified(ChangeKind.DOMESTIC_MOVE_IN, on, on);
    }
}
