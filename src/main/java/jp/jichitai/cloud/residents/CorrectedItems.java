package jp.jichitai.cloud.residents;

import java.util.Optional;

/**
 * 修正する項目 (items corrected by 職権修正 or 誤記修正): each present item replaces the recorded one, the others
 * stay as they are. {@code administrativeDistrict} is the 行政区コード of the address (e.g. to complete a record
 * entered before the 行政区 was required).
 */
public record CorrectedItems(Optional<PersonName> name, Optional<RecordedDate> birthDate, Optional<Sex> sex,
        Optional<Relationship> relationship, Optional<String> buildingLine, Optional<String> administrativeDistrict,
        Optional<FamilyRegister> familyRegister, Optional<ResidentRecordCode> residentRecordCode,
        Optional<Entitlements> entitlements) {

    public static CorrectedItems none() {
        return new CorrectedItems(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    public boolean isEmpty() {
        return name.isEmpty() && birthDate.isEmpty() && sex.isEmpty() && relationship.isEmpty()
                && buildingLine.isEmpty() && administrativeDistrict.isEmpty() && familyRegister.isEmpty() && residentRecordCode.isEmpty()
                && entitlements.isEmpty();
    }
}
