package jp.jichitai.cloud.residents;

import java.util.Objects;

/** 本籍・筆頭者 (registered domicile and head of the family register), for Japanese residents only. */
public record FamilyRegister(String registeredDomicile, String headOfFamilyRegister) {

    public FamilyRegister {
        Objects.requireNonNull(registeredDomicile, "registeredDomicile");
        Objects.requireNonNull(headOfFamilyRegister, "headOfFamilyRegister");
    }
}
