package jp.jichitai.cloud.residents;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

import jp.jichitai.cloud.residents.internal.ResidentMessages;

/**
 * 住民票 (resident record) as one snapshot: every item that the registry keeps for a person at one point of
 * its history (住民基本台帳法 7条, 30条の45 and the 住民記録システム標準仕様書). Snapshots are never changed; a
 * change (異動) appends a new one to the {@link ResidentHistory}.
 *
 * <p>A snapshot checks the items that depend on the kind of resident: a 外国人 carries the
 * {@link ForeignResidentItems} and may carry a 通称, never a 本籍 or 旧氏; a 日本人 may carry a 本籍 and a 旧氏,
 * never 外国人 items or a 通称.
 *
 * @param atenaNumber 宛名番号
 * @param householdNumber 世帯番号
 * @param kind 住民種別
 * @param status 住民状態
 * @param name 氏名とフリガナ
 * @param formerSurname 旧氏 (Japanese residents)
 * @param commonName 通称 (foreign residents)
 * @param birthDate 生年月日
 * @param sex 性別
 * @param relationship 続柄
 * @param familyRegister 本籍・筆頭者 (Japanese residents)
 * @param address 住所, 行政区, 方書, 郵便番号
 * @param previousAddress 転入前住所
 * @param becameResidentOn 住民となった年月日
 * @param addressSettledOn 住定日 (住所を定めた年月日)
 * @param notifiedOn 届出年月日 (none for 職権)
 * @param changedOn 異動日 of the change that made this snapshot
 * @param individualNumber 個人番号
 * @param residentRecordCode 住民票コード
 * @param entitlements 選挙・国保・後期高齢・介護・国民年金・児童手当
 * @param foreignItems 外国人住民の記載事項
 */
public record Resident(
        AtenaNumber atenaNumber,
        HouseholdNumber householdNumber,
        ResidentKind kind,
        ResidentStatus status,
        PersonName name,
        Optional<PersonName> formerSurname,
        Optional<PersonName> commonName,
        RecordedDate birthDate,
        Sex sex,
        Relationship relationship,
        Optional<FamilyRegister> familyRegister,
        Address address,
        Optional<String> previousAddress,
        RecordedDate becameResidentOn,
        RecordedDate addressSettledOn,
        Optional<LocalDate> notifiedOn,
        LocalDate changedOn,
        Optional<IndividualNumber> individualNumber,
        Optional<ResidentRecordCode> residentRecordCode,
        Entitlements entitlements,
        Optional<ForeignResidentItems> foreignItems) {

    public Resident {
        Objects.requireNonNull(atenaNumber, "atenaNumber");
        Objects.requireNonNull(householdNumber, "householdNumber");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(formerSurname, "formerSurname");
        Objects.requireNonNull(commonName, "commonName");
        Objects.requireNonNull(birthDate, "birthDate");
        Objects.requireNonNull(sex, "sex");
        Objects.requireNonNull(relationship, "relationship");
        Objects.requireNonNull(familyRegister, "familyRegister");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(previousAddress, "previousAddress");
        Objects.requireNonNull(becameResidentOn, "becameResidentOn");
        Objects.requireNonNull(addressSettledOn, "addressSettledOn");
        Objects.requireNonNull(notifiedOn, "notifiedOn");
        Objects.requireNonNull(changedOn, "changedOn");
        Objects.requireNonNull(individualNumber, "individualNumber");
        Objects.requireNonNull(residentRecordCode, "residentRecordCode");
        Objects.requireNonNull(entitlements, "entitlements");
        Objects.requireNonNull(foreignItems, "foreignItems");
        if (kind == ResidentKind.FOREIGN) {
            if (foreignItems.isEmpty()) {
                throw ResidentMessages.refusal("E-RES-0034", "国籍・地域、アルファベット氏名、30条の45区分");
            }
            if (familyRegister.isPresent()) {
                throw ResidentMessages.refusal("E-RES-0035");
            }
            if (formerSurname.isPresent()) {
                throw ResidentMessages.refusal("E-RES-0037");
            }
        } else {
            if (foreignItems.isPresent()) {
                throw ResidentMessages.refusal("E-RES-0036");
            }
            if (commonName.isPresent()) {
                throw ResidentMessages.refusal("E-RES-0038");
            }
        }
    }

    public boolean isRemoved() {
        return status.isRemoved();
    }

    /** This snapshot carrying the dates of the change that produced it. */
    public Resident withChangeDates(Change change) {
        return toBuilder().changedOn(change.changedOn()).notifiedOn(change.notifiedOn()).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this snapshot's items, to make the next snapshot from it. */
    public Builder toBuilder() {
        Builder builder = new Builder();
            builder.atenaNumber = atenaNumber;
            builder.householdNumber = householdNumber;
            builder.kind = kind;
            builder.status = status;
            builder.name = name;
            builder.formerSurname = formerSurname;
            builder.commonName = commonName;
            builder.birthDate = birthDate;
            builder.sex = sex;
            builder.relationship = relationship;
            builder.familyRegister = familyRegister;
            builder.address = address;
            builder.previousAddress = previousAddress;
            builder.becameResidentOn = becameResidentOn;
            builder.addressSettledOn = addressSettledOn;
            builder.notifiedOn = notifiedOn;
            builder.changedOn = changedOn;
            builder.individualNumber = individualNumber;
            builder.residentRecordCode = residentRecordCode;
            builder.entitlements = entitlements;
            builder.foreignItems = foreignItems;
        return builder;
    }

    /** Builds a snapshot item by item; optional items start empty. */
    public static final class Builder {
        private AtenaNumber atenaNumber;
        private HouseholdNumber householdNumber;
        private ResidentKind kind;
        private ResidentStatus status;
        private PersonName name;
        private Optional<PersonName> formerSurname = Optional.empty();
        private Optional<PersonName> commonName = Optional.empty();
        private RecordedDate birthDate;
        private Sex sex;
        private Relationship relationship;
        private Optional<FamilyRegister> familyRegister = Optional.empty();
        private Address address;
        private Optional<String> previousAddress = Optional.empty();
        private RecordedDate becameResidentOn;
        private RecordedDate addressSettledOn;
        private Optional<LocalDate> notifiedOn = Optional.empty();
        private LocalDate changedOn;
        private Optional<IndividualNumber> individualNumber = Optional.empty();
        private Optional<ResidentRecordCode> residentRecordCode = Optional.empty();
        private Entitlements entitlements;
        private Optional<ForeignResidentItems> foreignItems = Optional.empty();

        private Builder() {
        }

        public Builder atenaNumber(AtenaNumber atenaNumber) {
            this.atenaNumber = atenaNumber;
            return this;
        }

        public Builder householdNumber(HouseholdNumber householdNumber) {
            this.householdNumber = householdNumber;
            return this;
        }

        public Builder kind(ResidentKind kind) {
            this.kind = kind;
            return this;
        }

        public Builder status(ResidentStatus status) {
            this.status = status;
            return this;
        }

        public Builder name(PersonName name) {
            this.name = name;
            return this;
        }

        public Builder formerSurname(Optional<PersonName> formerSurname) {
            this.formerSurname = formerSurname;
            return this;
        }

        public Builder commonName(Optional<PersonName> commonName) {
            this.commonName = commonName;
            return this;
        }

        public Builder birthDate(RecordedDate birthDate) {
            this.birthDate = birthDate;
            return this;
        }

        public Builder sex(Sex sex) {
            this.sex = sex;
            return this;
        }

        public Builder relationship(Relationship relationship) {
            this.relationship = relationship;
            return this;
        }

        public Builder familyRegister(Optional<FamilyRegister> familyRegister) {
            this.familyRegister = familyRegister;
            return this;
        }

        public Builder address(Address address) {
            this.address = address;
            return this;
        }

        public Builder previousAddress(Optional<String> previousAddress) {
            this.previousAddress = previousAddress;
            return this;
        }

        public Builder becameResidentOn(RecordedDate becameResidentOn) {
            this.becameResidentOn = becameResidentOn;
            return this;
        }

        public Builder addressSettledOn(RecordedDate addressSettledOn) {
            this.addressSettledOn = addressSettledOn;
            return this;
        }

        public Builder notifiedOn(Optional<LocalDate> notifiedOn) {
            this.notifiedOn = notifiedOn;
            return this;
        }

        public Builder changedOn(LocalDate changedOn) {
            this.changedOn = changedOn;
            return this;
        }

        public Builder individualNumber(Optional<IndividualNumber> individualNumber) {
            this.individualNumber = individualNumber;
            return this;
        }

        public Builder residentRecordCode(Optional<ResidentRecordCode> residentRecordCode) {
            this.residentRecordCode = residentRecordCode;
            return this;
        }

        public Builder entitlements(Entitlements entitlements) {
            this.entitlements = entitlements;
            return this;
        }

        public Builder foreignItems(Optional<ForeignResidentItems> foreignItems) {
            this.foreignItems = foreignItems;
            return this;
        }

        public Resident build() {
            return new Resident(atenaNumber, householdNumber, kind, status, name, formerSurname, commonName, birthDate, sex, relationship, familyRegister, address, previousAddress, becameResidentOn, addressSettledOn, notifiedOn, changedOn, individualNumber, residentRecordCode, entitlements, foreignItems);
        }
    }
}
