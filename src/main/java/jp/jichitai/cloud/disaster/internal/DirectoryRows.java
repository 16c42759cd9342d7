package jp.jichitai.cloud.disaster.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import jp.jichitai.cloud.disaster.DirectoryPerson;
import jp.jichitai.cloud.residents.SearchKeys;

/**
 * Writes the victim directory's rows with plain JDBC, so that the service (in its transaction) and the
 * command-line import (on its own connection, no Spring) load a file in the same way.
 */
public final class DirectoryRows {

    static final String INSERT = """
            INSERT INTO victim_directory_person (tenant_id, atena_number, household_number, name, kana, name_key,
                kana_key, birth_date, sex, relationship, head_name, postal_code, district_code, district_name, address,
                address_suffix, resident_kind, origin, loaded_at, given_kana_key, given_name_key)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    private DirectoryRows() {
    }

    /** Replaces the town's residents (every row not added by hand) with these people; returns how many. */
    public static int replaceResidents(Connection connection, String tenant, List<DirectoryPerson> people, String origin)
            throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM victim_directory_person WHERE tenant_id = ? AND origin <> 'HAND_ADDED'")) {
            delete.setString(1, tenant);
            delete.executeUpdate();
        }
        Timestamp now = Timestamp.from(Instant.now());
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            int pending = 0;
            for (DirectoryPerson person : people) {
                bind(insert, tenant, person, origin, now);
                insert.addBatch();
                if (++pending == 1000) {
                    insert.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                insert.executeBatch();
            }
        }
        return people.size();
    }

    static void bind(PreparedStatement insert, String tenant, DirectoryPerson person, String origin, Timestamp now)
            throws SQLException {
        insert.setString(1, tenant);
        insert.setString(2, person.atenaNumber());
        insert.setString(3, person.householdNumber());
        insert.setString(4, person.name());
        insert.setString(5, person.kana());
        insert.setString(6, SearchKeys.nameKey(person.name()));
        insert.setString(7, SearchKeys.kanaKey(person.kana()));
        insert.setString(8, person.birthDate());
        insert.setString(9, person.sex());
        insert.setString(10, person.relationship());
        insert.setString(11, person.headName());
        insert.setString(12, person.postalCode());
        insert.setString(13, person.districtCode());
        insert.setString(14, person.districtName());
        insert.setString(15, person.address());
        insert.setString(16, person.addressSuffix());
        insert.setString(17, person.residentKind());
        insert.setString(18, origin);
        insert.setTimestamp(19, now);
        insert.setString(20, givenKanaKey(person.kana()));
        insert.setString(21, givenNameKey(person.name()));
    }

    /** The key of the given name: the part of the フリガナ after its first space ('' when there is none). */
    static String givenKanaKey(String kana) {
        return SearchKeys.kanaKey(givenPart(kana));
    }

    /** The key of the given name in kanji: the part of the name after its first space ('' when there is none). */
    static String givenNameKey(String name) {
        return SearchKeys.nameKey(givenPart(name));
    }

    private static String givenPart(String text) {
        String stripped = text == null ? "" : text.strip();
        for (int i = 0; i < stripped.length(); i++) {
            if (Character.isWhitespace(stripped.charAt(i)) || Character.isSpaceChar(stripped.charAt(i))) {
                return stripped.substring(i).strip();
            }
        }
        return "";
    }
}
