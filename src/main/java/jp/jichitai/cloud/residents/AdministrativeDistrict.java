package jp.jichitai.cloud.residents;

import java.util.Objects;

/**
 * 行政区 (administrative district) that a resident's address may name: its 行政区コード (column 19 of the standard
 * data_d0101, which the standard requires) and its name as data_cyonei gives it.
 */
public record AdministrativeDistrict(String code, String name) {

    public AdministrativeDistrict {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
    }
}
