package jp.jichitai.cloud.residents;

import java.util.Objects;
import java.util.Optional;

/**
 * 新たに記載する住民 (a person entered by 転入 or 職権記載): the items a clerk takes from the 転出証明書, the 在留カード
 * or the 戸籍. Numbers (宛名番号, 世帯番号) are issued by the registry.
 */
public record NewResident(ResidentKind kind, PersonName name, RecordedDate birthDate, Sex sex, Relationship relationship,
        Address address, Optional<String> previousAddress, Optional<FamilyRegister> familyRegister,
        Optional<ForeignResidentItems> foreignItems, Optional<IndividualNumber> individualNumber,
        Optional<ResidentRecordCode> residentRecordCode, Entitlements entitlements) {

    public NewResident {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(birthDate, "birthDate");
        Objects.requireNonNull(sex, "sex");
        Objects.requireNonNull(relationship, "relationship");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(previousAddress, "previousAddress");
        Objects.requireNonNull(familyRegister, "familyRegister");
        Objects.requireNonNull(foreignItems, "foreignItems");
        Objects.requireNonNull(individualNumber, "individualNumber");
        Objects.requireNonNull(residentRecordCode, "residentRecordCode");
        Objects.requireNonNull(entitlements, "entitlements");
    }
}
