package jp.jichitai.cloud.residents;

import java.util.Objects;

/**
 * 住所 (address) of a resident: postal code, the address itself, the 行政区 (administrative district, a code
 * of the tenant's district table) and the 方書 (building and room line, e.g. コーポ名寄 201号室), empty when none.
 */
public record Address(PostalCode postalCode, String text, String administrativeDistrict, String buildingLine) {

    public Address {
        Objects.requireNonNull(postalCode, "postalCode");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(administrativeDistrict, "administrativeDistrict");
        Objects.requireNonNull(buildingLine, "buildingLine");
        if (text.isBlank()) {
            throw new IllegalArgumentException("an address needs its text");
        }
    }
}
