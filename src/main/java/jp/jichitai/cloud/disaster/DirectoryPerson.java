package jp.jichitai.cloud.disaster;

import java.util.Objects;

/**
 * A person of the 被災者台帳's population as the {@link ResidentDirectory} knows them: a resident of the town,
 * or a person added by hand at the counter ({@code nonResident}: a visitor, a person registered elsewhere).
 * Texts are kept as recorded (外字 included); the birth date is {@code YYYYMMDD} as recorded, with {@code 00}
 * for unknown parts and possibly a date not on the calendar.
 */
public record DirectoryPerson(String atenaNumber, String householdNumber, String name, String kana, String birthDate,
        String sex, String relationship, String headName, String postalCode, String districtCode, String districtName,
        String address, String addressSuffix, String residentKind, boolean nonResident) {

    public DirectoryPerson {
        Objects.requireNonNull(atenaNumber, "atenaNumber");
        Objects.requireNonNull(householdNumber, "householdNumber");
        Objects.requireNonNull(name, "name");
        kana = kana == null ? "" : kana;
        birthDate = birthDate == null ? "" : birthDate;
        sex = sex == null ? "" : sex;
        relationship = relationship == null ? "" : relationship;
        headName = headName == null ? "" : headName;
        postalCode = postalCode == null ? "" : postalCode;
        districtCode = districtCode == null ? "" : districtCode;
        districtName = districtName == null ? "" : districtName;
        address = address == null ? "" : address;
        addressSuffix = addressSuffix == null ? "" : addressSuffix;
        residentKind = residentKind == null ? "" : residentKind;
    }

    /** The address with its 方書 (building, room), as printed. */
    public String fullAddress() {
        return addressSuffix.isEmpty() ? address : address + "　" + addressSuffix;
    }
}
